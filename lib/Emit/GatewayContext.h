// GatewayContext.h - what the HTTP/JSON gateway's templates (gateway.cpp,
// gateway_page.html) see: per entity its route, constructors and methods with
// their parameters, the JSON codecs' structs and enums, the OpenAPI parts.
#pragma once

#include "Emit/FileContext.h"
#include "Emit/Schema.h"

#include <mstch/mstch.hpp>

namespace flowc::emit {

class Keys;
// The gateway's names, described once (Keys.h).
void describeGateway(Keys &keys, const Input &input);

mstch::map gatewayContext(const Input &input);
const Schema &gatewaySchema();

} // namespace flowc::emit
