// File: request_writer.h — writes a calc::Request as calc-contract.md request JSON.
//
// The inverse of RequestReader: ReadString(WriteRequest(r)) gives r back. The service uses it to
// store the exact request a decision was calculated from. Special expenses are written one entry
// per kind with that kind's total.
#pragma once

#include <string>

#include "calc/request.h"
#include "law/parameter_set.h"

namespace childmaint::contract {

void WriteRequest(const calc::Request& req, const law::ParameterSet& law, std::string& out);

}  // namespace childmaint::contract
