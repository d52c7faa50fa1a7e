// Electronic identity for citizens: an account tied to a CCCD, opened
// against the national record and proved with a code sent to the person's
// phone or mailbox, and the hand-off from an identity provider (the
// national e-ID, VNeID) as an OpenID Connect ID token the system verifies.
//
// Enrolment (Law 41/2024 Art. 10 gives each participant the right to follow
// their contributions; Decree 69/2024 makes the CCCD the electronic
// identity): the person gives their CCCD, full name and date of birth as
// recorded, a phone (or e-mail) and a password; the particulars must match
// the record (a living person), and no citizen account may already exist
// for the CCCD. A code goes to the phone; when it comes back the account
// opens (user name = the CCCD, role citizen, scope the CCCD, a second factor
// on every later login) and a session starts. Nothing is stored before the
// code is right except the challenge itself.
//
// Hand-off: an identity provider (data/identity/providers.csv: issuer,
// audience, algorithm, public key, which claim carries the CCCD) signs an ID
// token; the token is checked (signature with the provider's key and only
// its algorithm — never "none" or an HMAC keyed with a public key —, issuer,
// audience, expiry and not-before with a minute's skew, used once), the
// CCCD must be a living person in the record, and a name or birth date the
// token carries must match it. The citizen account is found or opened (no
// password can log in to an account opened this way) and a session starts.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "platform/access/users.h"
#include "registry/registry.h"

namespace bhxh {

struct EnrolmentInput {
  std::string cccd, full_name, birth_date;  // birth date as recorded: YYYY-MM-DD, dd/mm/yyyy, YYYY-MM or YYYY
  std::string channel = "sms";              // where the code goes: "sms" or "email"
  std::string phone, email;                 // a Vietnamese mobile number (0xxxxxxxxx or +84…) / an address
  std::string password;
};

// Checks the particulars against the record and sends the code. Errors
// name the field: invalid (format), not_matched (the particulars do not
// match a living person in the record — said the same way whichever part
// differs), conflict (an account exists), rate_limited.
Result<ChallengeSent> StartEnrolment(Db& db, Registry& registry, const EnrolmentInput& in, const Actor& actor);
// The code of an enrolment: the account opens and a session starts.
Result<Session> ConfirmEnrolment(Db& db, const std::string& challenge, const std::string& code, std::chrono::seconds ttl);

struct IdentityProvider {
  std::string code, name, issuer, audience, algorithm;  // algorithm: RS256, RS384, RS512, ES256, ES384, ES512
  std::string public_key_pem;
  std::string cccd_claim = "sub", name_claim = "name", birth_claim = "birthdate";
};

// Providers from a CSV (code, name, issuer, audience, algorithm,
// public_key_file relative to the CSV's folder, cccd_claim, name_claim,
// birth_claim, status active|disabled); only active ones are returned.
Result<std::vector<IdentityProvider>> LoadIdentityProviders(const std::string& csv_path);

struct HandOff {
  Session session;
  std::string provider;
  bool account_opened = false;  // the first hand-off for this CCCD
};
// Verifies an ID token from one of `providers` and starts a session for
// its citizen. Errors: unauthenticated (naming what failed: signature,
// issuer, audience, expiry, replay), not_matched (the CCCD is not a living
// person in the record, or the name or birth date differ).
Result<HandOff> HandOffLogin(Db& db, Registry& registry, const std::vector<IdentityProvider>& providers, const std::string& id_token,
                             std::chrono::seconds ttl);

// Normalises a Vietnamese mobile number to 0xxxxxxxxx (10 digits, a mobile
// prefix 03, 05, 07, 08 or 09); "+84…" and "84…" accepted.
Result<std::string> NormalizeMobile(const std::string& phone, const std::string& field = "phone");

}  // namespace bhxh
