// answers_durable.h - the Idempotency-Key answer store of a gateway whose
// runtime has a durable store (answers_durable.cpp).
#pragma once

#include "flowc/runtime/http.h"

#include <memory>

namespace flowc::store {
class Store;
}

namespace flowc::gateway {

std::shared_ptr<AnswerStore> durable_answer_store(store::Store &store);

} // namespace flowc::gateway
