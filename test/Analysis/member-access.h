// The state members each method may read and write (IR `reads`, `writes`),
// and the classes flowc cannot be sure about, which get no lists.
// RUN: %flowc --emit=ir %s | FileCheck %s
#include <algorithm>
#include <flowc/flowc.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

struct Tally {
  int n = 0;
  void bump() { ++n; }
  int get() const { return n; }
};

inline void twice(int &x) { x *= 2; }
inline int plus_one(const int &x) { return x + 1; }

class Plain {
  FLOWC_ENTITY(Plain);

public:
  explicit Plain(std::string id) : id_(std::move(id)) {}
  // CHECK-LABEL: name: Plain
  // CHECK: - name: read
  // CHECK-NEXT: line:
  // CHECK-NEXT: params: []
  // CHECK-NEXT: returns: int
  // CHECK-NEXT: read_only: true
  // CHECK-NEXT: remote_calls: []
  // CHECK-NEXT: suspensions: []
  // CHECK-NEXT: reads: [a_, b_]
  // CHECK-NEXT: writes: []
  int read() const { return a_ + b_; }
  // CHECK: - name: assign
  // CHECK: reads: [a_, tally_]
  // CHECK-NEXT: writes: [a_]
  void assign(int v) { a_ = v + tally_.get(); }
  // CHECK: - name: bump
  // CHECK: reads: [b_, tally_]
  // CHECK-NEXT: writes: [b_, tally_]
  void bump() {
    ++b_;
    tally_.bump();
  }
  // A member handed to a function taking a non-const reference is written;
  // one taking a const reference only reads it.
  // CHECK: - name: handed
  // CHECK: reads: [a_, b_]
  // CHECK-NEXT: writes: [a_]
  int handed() {
    twice(a_);
    return plus_one(b_);
  }
  // Containers: a non-const member function writes, a const one reads; a
  // member of a member counts as the member.
  // CHECK: - name: containers
  // CHECK: reads: [tally_, words_, counts_]
  // CHECK-NEXT: writes: [words_, counts_]
  long containers(std::string w) {
    words_.push_back(w);
    counts_[w] += tally_.n;
    return static_cast<long>(words_.size());
  }
  // The class's own functions count, and so do lambdas in the body.
  // CHECK: - name: via_helper
  // CHECK: reads: [a_, b_, words_]
  // CHECK-NEXT: writes: [b_, words_]
  int via_helper() {
    helper();
    std::sort(words_.begin(), words_.end());
    auto add = [this](int v) { b_ += v; };
    add(a_);
    return b_;
  }
  // CHECK: - name: none
  // CHECK: reads: []
  // CHECK-NEXT: writes: []
  int none(int x) { return x * 2; }
  // A reference bound to a member: written through when not const.
  // CHECK: - name: bound
  // CHECK: reads: [a_, b_]
  // CHECK-NEXT: writes: [b_]
  int bound() {
    const int &r = a_;
    int &w = b_;
    w = r;
    return w;
  }

private:
  void helper() { b_ = static_cast<int>(words_.size()); }
  FLOWC_KEY std::string id_;
  int a_ = 0;
  int b_ = 0;
  Tally tally_;
  std::vector<std::string> words_;
  std::map<std::string, int> counts_;
};

// `this` kept outside the object: another function may reach the state.
inline std::vector<void *> registry;

class Registered {
  FLOWC_ENTITY(Registered);

public:
  explicit Registered(int id) : id_(id) { registry.push_back(this); }
  // CHECK-LABEL: name: Registered
  // CHECK: - name: get
  // CHECK-NOT: reads:
  int get() const { return v_; }

private:
  FLOWC_KEY int id_;
  int v_ = 0;
};

// A member's address taken.
inline int *stash = nullptr;
inline void keep(int *p) { stash = p; }

class Addressed {
  FLOWC_ENTITY(Addressed);

public:
  explicit Addressed(int id) : id_(id) {}
  // CHECK-LABEL: name: Addressed
  // CHECK: - name: put
  // CHECK-NOT: reads:
  void put() { keep(&v_); }
  // CHECK: - name: get
  // CHECK-NOT: reads:
  int get() const { return v_; }

private:
  FLOWC_KEY int id_;
  int v_ = 0;
};

// A function flowc cannot see, handed a member to change.
void elsewhere(int &x);

class Unseen {
  FLOWC_ENTITY(Unseen);

public:
  explicit Unseen(int id) : id_(id) {}
  // CHECK-LABEL: name: Unseen
  // CHECK: - name: run
  // CHECK-NOT: reads:
  void run() { elsewhere(v_); }

private:
  FLOWC_KEY int id_;
  int v_ = 0;
};

// A virtual function of the program's may run code flowc does not walk.
struct Hook {
  virtual ~Hook() = default;
  virtual void on(int &x) { ++x; }
};

class Hooked {
  FLOWC_ENTITY(Hooked);

public:
  explicit Hooked(int id) : id_(id) {}
  // CHECK-LABEL: name: Hooked
  // CHECK: - name: run
  // CHECK-NOT: reads:
  void run() {
    Hook h;
    h.on(v_);
  }

private:
  FLOWC_KEY int id_;
  int v_ = 0;
};
