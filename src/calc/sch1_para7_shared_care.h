// File: sch1_para7_shared_care.h — shared care for the basic, basic plus and reduced rates
// (Sch 1 para 7), and the minimum after shared care (para 7(7)).
#pragma once

#include <span>

#include "base/exact_pence.h"
#include "calc/request.h"
#include "calc/trace.h"
#include "law/law_in_force.h"

namespace childmaint::calc {

inline constexpr std::string_view kCitePara7 = "Child Support Act 1991 Sch 1 para 7";
inline constexpr std::string_view kCitePara7_6 = "Child Support Act 1991 Sch 1 para 7(6)";
inline constexpr std::string_view kCitePara7_7 = "Child Support Act 1991 Sch 1 para 7(7)";

// Index into law.bands of the band for this many nights a year (0 = none).
std::uint8_t SharedCareBandOf(std::int64_t nights, const law::LawInForce& law);

// The band's contract label: "none", "52-103", ..., "175+".
void AppendBandLabel(std::string& out, std::uint8_t band, const law::LawInForce& law);
// The same label written at p (room for kMaxBandLabelBytes); returns its end.
inline constexpr std::size_t kMaxBandLabelBytes = 48;
char* WriteBandLabel(char* p, std::uint8_t band, const law::LawInForce& law);

// Rules 9 and 10: each child's equal share of `weekly_amount` decreased by its band's fraction,
// less the further decrease for each top-band child, each receiving parent at least nil; then, if
// the total is below the minimum, the minimum shared by qualifying children. Exact, into out.
void SharedCareAmounts(const Request& req, Money weekly_amount, std::span<const std::uint8_t> bands,
                       const law::LawInForce& law, std::span<ExactPence> out, Trace& trace);

}  // namespace childmaint::calc
