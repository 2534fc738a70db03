#!/usr/bin/env bash
# Regenerates Kill Bill's catalog XSD (CatalogSchema.xsd) from Kill Bill's own JAXB classes, the
# way Kill Bill's build does (org.killbill.billing.catalog.CreateCatalogSchema, which asks JAXB's
# SchemaOutputResolver for the schema of StandaloneCatalog), using Debian's JDK and JAXB.
# Kill Bill ships no XSD file, and neither does this repository: the output goes to OUT_DIR.
#
# Usage: scripts/killbill-xsd.sh OUT_DIR KILLBILL KILLBILL_API KILLBILL_COMMONS
#   KILLBILL, KILLBILL_API, KILLBILL_COMMONS: git checkouts (or bare clones) of
#   github.com/killbill/killbill, killbill-api and killbill-commons; HEAD of each is read.
# Needs: Debian packages default-jdk-headless (or openjdk-17-jdk-headless), jaxb, libjaxb-api-java,
#   libjoda-time-java, libslf4j-java, libjsr305-java, libxml2-utils.
# Writes: OUT_DIR/CatalogSchema.xsd and OUT_DIR/catalogs/*.xml (Kill Bill's test catalogs, each
#   checked against the XSD with xmllint). Then run the conformance test with
#   KILLBILL_CATALOG_XSD=OUT_DIR/CatalogSchema.xsd KILLBILL_CATALOGS_DIR=OUT_DIR/catalogs \
#     npx vitest run packages/interop/test/killbill-xsd.test.ts
#
# Kill Bill's current sources use jakarta.xml.bind (JAXB 3+); Debian's JAXB is 2.3 (javax.xml.bind).
# The annotations and the schema generator are the same between the two, so the copied sources are
# rewritten to javax.xml.bind before compiling. Only the classes reachable from StandaloneCatalog
# are compiled; services, DAOs and caches that need Kill Bill's runtime are left out.
set -euo pipefail

if [ $# -ne 4 ]; then
  sed -n '7,9p' "$0" >&2
  exit 2
fi
out=$(mkdir -p "$1" && cd "$1" && pwd)
kb=$2
api=$3
commons=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# copy REPO PREFIX PATH...: each PATH of REPO's HEAD into $work/src, without PREFIX.
copy() {
  local repo=$1 prefix=$2
  shift 2
  for f in "$@"; do
    mkdir -p "$work/src/$(dirname "${f#"$prefix"}")"
    git -C "$repo" show "HEAD:$f" >"$work/src/${f#"$prefix"}"
  done
}
list() { git -C "$1" ls-tree -r --name-only HEAD "$2"; }

kbsrc=catalog/src/main/java/
copy "$kb" "$kbsrc" $(list "$kb" "${kbsrc}org/killbill/billing/catalog" |
  grep -E 'catalog/[A-Z][A-Za-z]*\.java$|catalog/rules/' |
  grep -vE '/(CatalogUpdater|DefaultCatalogService|StandaloneCatalogWithPriceOverride|LoadCatalog)\.java$')
copy "$kb" util/src/main/java/ util/src/main/java/org/killbill/billing/util/catalog/CatalogDateHelper.java

apisrc=src/main/java/
copy "$api" "$apisrc" $(list "$api" "${apisrc}org/killbill/billing/catalog/api" | grep -v '/CatalogUserApi\.java$')
copy "$api" "$apisrc" \
  ${apisrc}org/killbill/billing/ErrorCode.java \
  ${apisrc}org/killbill/billing/BillingExceptionBase.java \
  ${apisrc}org/killbill/billing/invoice/api/InvoiceStatus.java \
  ${apisrc}org/killbill/billing/util/callcontext/CallContext.java \
  ${apisrc}org/killbill/billing/util/callcontext/TenantContext.java \
  ${apisrc}org/killbill/billing/util/callcontext/CallOrigin.java \
  ${apisrc}org/killbill/billing/util/callcontext/UserType.java

copy "$commons" xmlloader/src/main/java/ $(list "$commons" xmlloader/src/main/java)
copy "$commons" utils/src/main/java/ \
  utils/src/main/java/org/killbill/commons/utils/io/Resources.java \
  utils/src/main/java/org/killbill/commons/utils/Preconditions.java

grep -rlE 'jakarta\.(xml\.bind|annotation\.Nullable)' "$work/src" |
  xargs sed -i -e 's/jakarta\.xml\.bind/javax.xml.bind/g' -e 's/jakarta\.annotation\.Nullable/javax.annotation.Nullable/g'

cp=$(printf '/usr/share/java/%s.jar:' jaxb-api jaxb-runtime jaxb-core javax.activation \
  istack-commons-runtime txw2 joda-time slf4j-api slf4j-nop jsr305)
mkdir -p "$work/classes"
javac -nowarn -encoding UTF-8 -d "$work/classes" -cp "$cp" $(find "$work/src" -name '*.java')
java -cp "$work/classes:$cp" org.killbill.billing.catalog.CreateCatalogSchema "$out/CatalogSchema.xsd"

mkdir -p "$out/catalogs"
for f in $(list "$kb" catalog/src/test/resources | grep '\.xml$'); do
  git -C "$kb" show "HEAD:$f" >"$out/catalogs/$(basename "$f")"
done
echo "Kill Bill $(git -C "$kb" rev-parse HEAD), killbill-api $(git -C "$api" rev-parse HEAD)," \
  "killbill-commons $(git -C "$commons" rev-parse HEAD)"
xmllint --version 2>&1 | head -1
xmllint --noout --schema "$out/CatalogSchema.xsd" "$out"/catalogs/*.xml
echo "wrote $out/CatalogSchema.xsd"
