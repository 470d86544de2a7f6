#pragma once

// Object identifiers of the JPKI certificate profile (jpki-card.md §5).
namespace madoguchi::pki::oid {

inline constexpr char AuthPolicy[] = "1.2.392.200149.8.5.1.3.30"; // 利用者証明用電子証明書
inline constexpr char SignPolicy[] = "1.2.392.200149.8.5.1.1.20"; // 署名用電子証明書
// J-LIS's test environment: `…8.5.1.0.20` is the documented signing policy; `…8.5.1.0.30` for
// auth is our assumption by symmetry. Any policy under this arc is flagged as test environment.
inline constexpr char TestPolicyArc[] = "1.2.392.200149.8.5.1.0.";
inline constexpr char TestSignPolicy[] = "1.2.392.200149.8.5.1.0.20";
inline constexpr char TestAuthPolicy[] = "1.2.392.200149.8.5.1.0.30";

// SAN otherName type-ids of the signing certificate, each `[0] EXPLICIT UTF8String`.
inline constexpr char SanName[] = "1.2.392.200149.8.5.5.1";
inline constexpr char SanNameFlags[] = "1.2.392.200149.8.5.5.2";
inline constexpr char SanSex[] = "1.2.392.200149.8.5.5.3";
inline constexpr char SanBirth[] = "1.2.392.200149.8.5.5.4";
inline constexpr char SanAddress[] = "1.2.392.200149.8.5.5.5";
inline constexpr char SanAddressFlags[] = "1.2.392.200149.8.5.5.6";

} // namespace madoguchi::pki::oid
