#!/usr/bin/env bash
# The whole Skills Passport story with the `skills-passport` command, end to end and offline:
#   1. a training provider creates its issuer and issues a micro-module and a vendor certification to a learner;
#   2. the learner keeps both in a wallet and presents them, bound to an employer's challenge and domain;
#   3. the employer verifies the passport (exit 0) and matches it against a job;
#   4. the provider revokes one credential; the employer verifies again (exit 1, "revoked").
#
# Run it from the repository root after `pnpm build`:   bash examples/story.sh
# Point it at another build or an installed binary:     SKILLS_PASSPORT="skills-passport" bash examples/story.sh
# Keep the data directories to look at afterwards:      KEEP=1 bash examples/story.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# A command line (word-split on purpose), so it can be "node /path/to/main.js" or an installed "skills-passport".
SKILLS_PASSPORT="${SKILLS_PASSPORT:-node $ROOT/packages/cli/dist/main.js}"
JOB="$ROOT/examples/jobs/junior-soc-analyst.json"

# One data directory per role, as on three different machines, plus a folder for the files they exchange.
PROVIDER="$(mktemp -d "${TMPDIR:-/tmp}/story-provider.XXXXXX")"
LEARNER="$(mktemp -d "${TMPDIR:-/tmp}/story-learner.XXXXXX")"
EMPLOYER="$(mktemp -d "${TMPDIR:-/tmp}/story-employer.XXXXXX")"
SHARED="$(mktemp -d "${TMPDIR:-/tmp}/story-files.XXXXXX")"
cleanup() {
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$PROVIDER" "$LEARNER" "$EMPLOYER" "$SHARED"; fi
}
trap cleanup EXIT
# Colours off: the output is read by the tests and by people piping it to a file.
export NO_COLOR=1

provider() { SKILLS_PASSPORT_HOME="$PROVIDER" $SKILLS_PASSPORT "$@"; }
learner() { SKILLS_PASSPORT_HOME="$LEARNER" $SKILLS_PASSPORT "$@"; }
# The employer's verification needs the provider's status lists. In production they are served by the
# provider's service at <base-url>/status/<list> (packages/server over the same store) and fetched over https.
# This story has no network, so the employer verifies against the provider's data directory: the CLI serves a
# data directory's own status lists from its store (src/local-fetch.ts), exactly as it would answer them over
# HTTP, and reads the revocation the provider records there. `--offline` makes sure nothing else is fetched.
employer() { (cd "$EMPLOYER" && SKILLS_PASSPORT_HOME="$PROVIDER" $SKILLS_PASSPORT "$@"); }
# Reads one field of a --json answer (no jq needed).
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)[process.argv[1]]))' "$1"; }
step() { printf '\n== %s\n' "$*"; }

step "Learner: create a wallet and give the DID to the provider"
LEARNER_DID="$(learner wallet init --json | field did)"
echo "learner DID: $LEARNER_DID"

step "Provider: create the issuer"
ISSUER_DID="$(provider init --name "Acme Training" --url https://training.example --json | field did)"
echo "issuer DID: $ISSUER_DID"

step "Provider: issue a micro-module (Data Integrity) and a vendor certification (JWT)"
cat >"$SHARED/module.json" <<'JSON'
{
  "learnerName": "Aisha Khan",
  "achievementId": "https://training.example/modules/soc-foundations",
  "achievementName": "Security operations foundations",
  "achievementDescription": "Monitoring, triage and first response in a security operations centre.",
  "criteria": "Completed all units and passed the end-of-module assessment.",
  "skills": ["SFIA:SCTY:3", "SFIA:SCAD:2", "UK-EDS:EDS-SAFE-LEGAL"],
  "digitalSkillsLevel": "specialist",
  "deliveryMode": "blended",
  "learningOutcomes": ["Triage security alerts", "Follow an incident runbook"],
  "notionalLearningHours": 30,
  "assessmentValue": "88"
}
JSON
cat >"$SHARED/certification.json" <<'JSON'
{
  "learnerName": "Aisha Khan",
  "achievementId": "https://vendor.example/certifications/security-plus",
  "achievementName": "CompTIA Security+",
  "achievementDescription": "Core skills for a cyber security role.",
  "certificationCode": "SY0-701",
  "vendorName": "CompTIA",
  "vendorUrl": "https://www.comptia.org/",
  "candidateId": "COMP001021234567",
  "skills": ["SFIA:SCTY:3"],
  "validUntil": "2030-02-10",
  "renewalCycleMonths": 36
}
JSON
MODULE_ID="$(provider issue --profile micro-module "$SHARED/module.json" --learner "$LEARNER_DID" \
  --out "$SHARED/module-credential.json" --json | field credentialId)"
CERT_ID="$(provider issue --profile vendor-certification "$SHARED/certification.json" --learner "$LEARNER_DID" \
  --format jwt --out "$SHARED/certification.jwt" --json | field credentialId)"
echo "issued micro-module $MODULE_ID"
echo "issued certification $CERT_ID"

step "Learner: add both to the wallet (each is verified first) and list them"
# The learner cannot reach the provider's status lists here, so status shows as a warning, not a failure.
learner wallet add "$SHARED/module-credential.json" --offline
learner wallet add "$SHARED/certification.jwt" --offline
learner wallet list

step "Employer: send a one-time challenge; the learner presents the passport bound to it"
CHALLENGE="$(node -e 'console.log(require("node:crypto").randomUUID())')"
DOMAIN="https://jobs.example.com"
learner wallet present --challenge "$CHALLENGE" --domain "$DOMAIN" --out "$SHARED/passport.json"

step "Employer: recognise the provider in a trust registry"
cat >"$EMPLOYER/registry.json" <<JSON
{ "name": "Employer's recognised providers", "issuers": [{ "id": "$ISSUER_DID", "name": "Acme Training" }] }
JSON

step "Employer: verify the passport (expect exit 0)"
employer verify "$SHARED/passport.json" --challenge "$CHALLENGE" --domain "$DOMAIN" --offline --trust registry.json

step "Employer: match it against the junior SOC analyst job"
employer match "$SHARED/passport.json" "$JOB" --challenge "$CHALLENGE" --domain "$DOMAIN" --offline --trust registry.json

step "Provider: revoke the certification"
provider revoke "$CERT_ID"
provider status "$CERT_ID"

step "Employer: verify the same passport again (expect exit 1, revoked)"
set +e
employer verify "$SHARED/passport.json" --challenge "$CHALLENGE" --domain "$DOMAIN" --offline --trust registry.json
AFTER=$?
set -e
if [[ $AFTER -ne 1 ]]; then
  echo "story failed: verification after revocation exited $AFTER, expected 1" >&2
  exit 1
fi

step "Story complete: verified (0), matched, revoked, not verified (1)"
