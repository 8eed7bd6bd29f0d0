// paint.h - an entity whose messages carry enums (scoped and not, and one
// the entity declares privately), a struct with an optional, a string-keyed
// map and a type alias, for --emit=openapi, the IR's enums and the generated
// JSON codecs.
#pragma once

#include <flowc/flowc.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace art {

enum class Hue { red, green };
enum Shade : int { light = 1, dark = 5 };

struct Stroke {
  Hue hue = Hue::red;
  std::optional<double> width;
};

using Money = long;

class Canvas {
  FLOWC_ENTITY(Canvas);
  enum class Mood { calm, wild };

public:
  explicit Canvas(int id) : id_(id) {}
  void draw(std::vector<Stroke> strokes) {
    for (const Stroke &s : strokes)
      layers_[std::to_string(layers_.size())] = s.hue;
  }
  Money price(Shade shade) const { return shade == dark ? 50 : 10; }

private:
  FLOWC_KEY int id_;
  std::map<std::string, Hue> layers_;
  Mood mood_ = Mood::calm;
};

} // namespace art
