// job.cpp - the out-of-line parts of JobBase and job error messages.
#include "flowc/mapreduce/job.h"

namespace flowc::mapreduce {

JobBase::~JobBase() = default;

std::string detail::describe_exception(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception &e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

} // namespace flowc::mapreduce
