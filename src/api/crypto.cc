// The libsodium adapter: the only file that includes sodium.h.
#include "api/crypto.h"

#include <sodium.h>

#include <condition_variable>
#include <mutex>

namespace childmaint::api {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr int kMaxConcurrentHashes = 4;

// Caps concurrent Argon2id runs (each takes 64 MiB at the interactive limits).
class HashGate {
 public:
  void Enter() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return running_ < kMaxConcurrentHashes; });
    ++running_;
  }
  void Leave() {
    {
      std::lock_guard lock(mu_);
      --running_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int running_ = 0;
};

HashGate& Gate() {
  static HashGate gate;
  return gate;
}

}  // namespace

Status InitCrypto() {
  if (sodium_init() < 0) {
    return Error::Make(ErrorCode::kInternal, "crypto.init", "libsodium could not start");
  }
  return Ok();
}

std::string RandomToken() {
  unsigned char buf[kTokenBytes];
  randombytes_buf(buf, sizeof buf);
  char out[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string RandomDigits(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    s.push_back(static_cast<char>('0' + randombytes_uniform(10)));
  }
  return s;
}

std::string RandomFrom(std::string_view alphabet, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    s.push_back(alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))]);
  }
  return s;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

Result<std::string> HashPin(std::string_view pin, PinHashStrength strength) {
  char out[crypto_pwhash_STRBYTES];
  const bool interactive = strength == PinHashStrength::kInteractive;
  Gate().Enter();
  const int rc = crypto_pwhash_str(
      out, pin.data(), pin.size(),
      interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN,
      interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN);
  Gate().Leave();
  if (rc != 0) {
    return Error::Make(ErrorCode::kUnavailable, "crypto.hash", "could not hash the PIN");
  }
  return std::string(out);
}

bool VerifyPin(const std::string& hash, std::string_view pin) {
  Gate().Enter();
  const bool ok = crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
  Gate().Leave();
  return ok;
}

bool SameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace childmaint::api
