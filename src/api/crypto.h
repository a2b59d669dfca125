// File: crypto.h — hashing and random secrets (the libsodium adapter).
//
//   std::string token = RandomToken();              // 43 URL-safe characters, 256 bits
//   std::string stored = Sha256Hex(token);          // bearer tokens and session ids: stored hashed
//   CMS_ASSIGN_OR_RETURN(std::string h, HashPin("4827163", PinHashStrength::kInteractive));
//   bool ok = VerifyPin(h, "4827163");
//
// PINs are stored only as Argon2id hashes (crypto_pwhash_str). kInteractive is libsodium's
// interactive limits (64 MiB, ~0.1 s); kMinimum is for tests and bulk demo data only.
// Thread safety: all functions are thread-safe; hashing is capped at a few concurrent Argon2id
// runs so a burst of sign-ins cannot exhaust memory.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace childmaint::api {

enum class PinHashStrength : std::uint8_t { kInteractive, kMinimum };

Status InitCrypto();
std::string RandomToken();
std::string RandomDigits(std::size_t n);
// n characters drawn uniformly from `alphabet` (one-time codes).
std::string RandomFrom(std::string_view alphabet, std::size_t n);
std::string Sha256Hex(std::string_view data);
Result<std::string> HashPin(std::string_view pin, PinHashStrength strength);
bool VerifyPin(const std::string& hash, std::string_view pin);
// Constant-time comparison of two equal-length strings.
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace childmaint::api
