#pragma once

#include "pki/OpenSsl.h"
#include "pki/SeededRandom.h"

namespace madoguchi::pki {

// RSA key generation from a SeededRandom stream, for the test PKI only. OpenSSL 3.0's own
// generator draws from the library DRBG, which cannot be seeded from outside without a custom
// provider (the "TEST-RAND" DRBG exists only in OpenSSL's test suite), so the primes are searched
// here: a random odd start with the top two bits set, stepping by 2, each candidate checked with
// BN_check_prime (trial division + Miller-Rabin, FIPS 186-4 C.3 round counts). The Miller-Rabin
// bases are random, but only the verdict is used, and that is deterministic for every practical
// purpose (error < 2^-128).
[[nodiscard]] core::Result<ossl::EvpPkeyPtr> generateRsaKey(SeededRandom& random, int bits = 2048);

} // namespace madoguchi::pki
