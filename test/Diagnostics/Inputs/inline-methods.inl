// inline-methods.inl - out-of-line definitions of Pair's methods.
inline int Pair::twice(flowc::Ref<Pair> other) { return 2 * other->get(); }
inline int Pair::plain() const { return value_; }
