// An umbrella header: it defines nothing itself.
#pragma once
#include "../../../examples/tickets/include/customer.h"
