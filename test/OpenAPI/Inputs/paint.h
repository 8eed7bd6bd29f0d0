// paint.h - an entity whose messages carry enums (scoped and not, and one
// the entity declares privately), a struct with an optional, a string-keyed
// map, type aliases (of a scalar, of an alias, of a container, a typedef)
// and default constructor arguments, for --emit=openapi, the IR's enums,
// aliases and defaults, and the generated JSON codecs.
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
using Price = Money;
typedef std::vector<Money> Ledger;
constexpr int kWidth = 640;

class Canvas {
  FLOWC_ENTITY(Canvas);
  enum class Mood { calm, wild };

public:
  explicit Canvas(int id, Price budget = 100, std::string title = "untitled \"1\"",
                  Hue hue = Hue::green, double scale = 1.5, bool framed = true,
                  int width = kWidth, Ledger ledger = {})
      : id_(id), budget_(budget), ledger_(std::move(ledger)) {
    static_cast<void>(title), static_cast<void>(hue), static_cast<void>(scale);
    static_cast<void>(framed), static_cast<void>(width);
  }
  void draw(std::vector<Stroke> strokes) {
    for (const Stroke &s : strokes)
      layers_[std::to_string(layers_.size())] = s.hue;
  }
  Money price(Shade shade) const { return shade == dark ? 50 : 10; }
  Ledger spend(Price amount, int times = 1) {
    for (int i = 0; i < times; ++i)
      ledger_.push_back(amount);
    return ledger_;
  }

private:
  FLOWC_KEY int id_;
  std::map<std::string, Hue> layers_;
  Mood mood_ = Mood::calm;
  Price budget_;
  Ledger ledger_;
};

} // namespace art
