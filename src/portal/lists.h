// File: lists.h — what the portal shows under a form: the parent's complaints (with their due
// dates and a button to take an answered complaint further) and their messages, as GOV.UK tables.
//
// Each takes the API's list JSON (GET /api/v1/cases/{ref}/complaints, …/messages) and returns the
// table for form.mustache: { "caption", "head": [..], "rows": [ { "cells": [..], "row_action"? } ] },
// where an action is { "url", "label" } for a one-button form.
#pragma once

#include "base/date.h"
#include <span>

#include "base/json.h"
#include "ledger/posting.h"

namespace childmaint::portal {

Json ComplaintsTable(const Json& list);
Json MessagesTable(const Json& list);

// The account's entries up to `today`, newest first: [{ "on", "what", "amount" }] in plain English
// (payments with how they were made, corrections, charges, write-offs, refunds).
Json PaymentHistory(std::span<const ledger::Posting> postings, Date today);

// "2025-04-07" (or a timestamp beginning so) -> "7 April 2025"; anything else unchanged.
std::string LongDateText(const std::string& iso);

}  // namespace childmaint::portal
