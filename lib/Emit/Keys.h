// Keys.h - a template context and its schema, from one description.
//
// Each context is written once, as a function `describe(Keys &, const T &)`
// that names every key. Run on a value with Keys over an mstch::map, it
// builds the context; run with Keys over a Schema, it records the names
// TemplateCheck checks the templates against, describing each list's items
// on a default-constructed item, so no name is written a second time.
#pragma once

#include "Emit/Schema.h"

#include <mstch/mstch.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace flowc::emit {

class Keys {
public:
  explicit Keys(mstch::map &map) : map_(&map) {}
  explicit Keys(Schema &schema) : schema_(&schema) {}

  // A string or a boolean.
  void value(const std::string &name, mstch::node value) {
    if (map_)
      map_->emplace(name, std::move(value));
    else
      schema_->fields[name];
  }
  void value(const std::string &name, const char *text) {
    value(name, mstch::node(std::string(text)));
  }

  // A list of objects: `describe(Keys &, const T &[, std::size_t index])`
  // names each one's keys.
  template <class T, class Describe>
  void list(const std::string &name, const std::vector<T> &items,
            Describe describe) {
    if (schema_) {
      T sample{};
      Keys keys(schema_->fields[name]);
      call(describe, keys, sample, 0);
      return;
    }
    mstch::array array;
    for (std::size_t i = 0; i < items.size(); ++i) {
      mstch::map item;
      Keys keys(item);
      call(describe, keys, items[i], i);
      array.push_back(std::move(item));
    }
    map_->emplace(name, std::move(array));
  }

  // A list of at most one object: `{{#name}}` renders its body once or not.
  template <class T, class Describe>
  void maybe(const std::string &name, const T *item, Describe describe) {
    std::vector<T> items;
    if (item || schema_)
      items.push_back(item ? *item : T{});
    list(name, items, describe);
  }
  template <class T, class Describe>
  void maybe(const std::string &name, const std::optional<T> &item,
             Describe describe) {
    maybe(name, item ? &*item : nullptr, describe);
  }

  // One object, whose keys `{{#name}}` brings into scope.
  template <class T, class Describe>
  void object(const std::string &name, const T &value, Describe describe) {
    if (schema_) {
      T sample{};
      Keys keys(schema_->fields[name]);
      describe(keys, sample);
      return;
    }
    mstch::map object;
    Keys keys(object);
    describe(keys, value);
    map_->emplace(name, std::move(object));
  }

  // A list whose items hold lists of the same kind (code, whose loops hold
  // code), wherever it appears. A schema describes it once, where it first
  // appears; everywhere else, nested or not, it refers to that one
  // (Schema::same_as).
  template <class T, class Describe>
  void recursiveList(const std::string &name, const std::vector<T> &items,
                     Describe describe) {
    struct First {
      const Schema *schema = nullptr;
      unsigned build = 0; // schemaOf's, so none outlives its schema
    };
    static thread_local First first;
    if (schema_) {
      if (first.schema && first.build == build()) {
        schema_->fields[name].same_as = first.schema;
        return;
      }
      first = {&schema_->fields[name], build()};
    }
    list(name, items, describe);
  }

  // The schema of what `describe` names for a T.
  template <class T, class Describe> static Schema schemaOf(Describe describe) {
    ++build();
    Schema schema;
    Keys keys(schema);
    describe(keys, T{});
    return schema;
  }
  // The contexts `describe` builds for each of `items`.
  template <class T, class Describe>
  static mstch::array listOf(const std::vector<T> &items, Describe describe) {
    mstch::map map;
    Keys(map).list("items", items, describe);
    return std::move(boost::get<mstch::array>(map.at("items")));
  }
  // The context `describe` builds for `value`.
  template <class T, class Describe>
  static mstch::map contextOf(const T &value, Describe describe) {
    mstch::map map;
    Keys keys(map);
    describe(keys, value);
    return map;
  }

private:
  static unsigned &build() {
    static thread_local unsigned count = 0;
    return count;
  }

  template <class Describe, class T>
  static void call(Describe &describe, Keys &keys, const T &item,
                   std::size_t index) {
    if constexpr (std::is_invocable_v<Describe &, Keys &, const T &,
                                      std::size_t>)
      describe(keys, item, index);
    else
      describe(keys, item);
  }

  mstch::map *map_ = nullptr;
  Schema *schema_ = nullptr;
};

} // namespace flowc::emit
