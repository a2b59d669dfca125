// File: commencement.h — is the 2012 scheme in force for this request? (calc-contract rule 1)
#pragma once

#include "base/result.h"
#include "calc/request.h"
#include "calc/trace.h"
#include "law/parameter_set.h"

namespace childmaint::calc {

inline constexpr std::string_view kCiteCommencement =
    "Child Maintenance and Other Payments Act 2008 Sch 4; commencement orders SI 2012/3042, "
    "SI 2013/1860, SI 2013/2947";

// The figures in force on the effective date, or scheme_not_in_force (before the scheme opened,
// or a receiving parent with fewer qualifying children than the stage in force admitted).
childmaint::Result<const law::LawInForce*> SchemeInForce(const Request& req,
                                                         const law::ParameterSet& law,
                                                         Trace& trace);

}  // namespace childmaint::calc
