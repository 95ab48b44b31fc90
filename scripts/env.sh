# Shared set-up for ./asios and ./run-tests: finds or installs a JDK 25 and the system packages
# the build needs. Sourced, not run. Prints what it installs on standard error.

ASIOS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ASIOS_JDK_FEATURE=25

asios_say() { printf 'asios: %s\n' "$*" >&2; }
asios_die() { printf 'asios: %s\n' "$*" >&2; exit 3; }

# Feature version (25, 17, ...) of a JDK home, from its release file (no JVM start), or nothing.
asios_java_feature() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1
}

asios_is_jdk25() {
  local home="$1"
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  local feature
  feature="$(asios_java_feature "$home")"
  [ -n "$feature" ] && [ "$feature" -ge "$ASIOS_JDK_FEATURE" ]
}

asios_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && asios_is_jdk25 "$JAVA_HOME"; then
    printf '%s\n' "$JAVA_HOME"; return 0
  fi
  local home
  for home in /usr/lib/jvm/*; do
    if asios_is_jdk25 "$home"; then printf '%s\n' "$home"; return 0; fi
  done
  return 1
}

asios_apt_install() {
  if [ "$(id -u)" != 0 ]; then
    asios_die "missing packages: $*; run as root once, or install them: sudo apt-get install -y $*"
  fi
  command -v apt-get >/dev/null || asios_die "missing packages: $*, and this is not a Debian/Ubuntu system; install them by hand"
  asios_say "installing $* (apt-get)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || return 1
  fi
}

# Makes JAVA_HOME point at a JDK 25, installing the distribution's package when there is none.
asios_ensure_jdk() {
  local home
  if home="$(asios_find_jdk)"; then
    export JAVA_HOME="$home"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
  fi
  asios_say "no JDK $ASIOS_JDK_FEATURE in JAVA_HOME or /usr/lib/jvm"
  if asios_apt_install "openjdk-$ASIOS_JDK_FEATURE-jdk-headless" && home="$(asios_find_jdk)"; then
    export JAVA_HOME="$home"; export PATH="$JAVA_HOME/bin:$PATH"; return 0
  fi
  asios_die "could not install openjdk-$ASIOS_JDK_FEATURE-jdk-headless from this distribution's packages (Debian 12 has none; Ubuntu 24.04 and Debian 13 do). Install a JDK $ASIOS_JDK_FEATURE (for example Temurin) under /usr/lib/jvm or set JAVA_HOME to one, then run this again."
}

# The packages of the TOOL:PACKAGE pairs whose tool is not on PATH, one per line.
asios_missing_packages() {
  local pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || echo "${pair#*:}"
  done
}

# Installs the commands the build and tests use when they are missing.
asios_ensure_tools() {
  local missing=()
  mapfile -t missing < <(asios_missing_packages "$@")
  [ ${#missing[@]} -eq 0 ] || asios_apt_install "${missing[@]}" || asios_die "could not install ${missing[*]}"
}

# Like asios_ensure_tools, for packages that also bring a daemon the project does not want running
# (prometheus, for its promtool): a policy-rc.d that answers 101 keeps the packages' scripts from
# starting their services, on systemd and sysvinit alike. An existing policy-rc.d is left alone.
asios_ensure_tools_no_services() {
  local missing=() guard=/usr/sbin/policy-rc.d made=0 ok=1
  mapfile -t missing < <(asios_missing_packages "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && [ ! -e "$guard" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$guard" && chmod 755 "$guard" && made=1
  fi
  (asios_apt_install "${missing[@]}") || ok=0
  [ "$made" = 1 ] && rm -f "$guard"
  [ "$ok" = 1 ] || asios_die "could not install ${missing[*]}"
}

# Like asios_ensure_tools, for tools the project can do without (a benchmark reference that not
# every architecture packages): a package that cannot be installed is a warning, not an error.
asios_offer_tools() {
  local missing=()
  mapfile -t missing < <(asios_missing_packages "$@")
  [ ${#missing[@]} -eq 0 ] || (asios_apt_install "${missing[@]}") \
    || echo "asios: could not install ${missing[*]}; what uses them runs without them and says so" >&2
}

# The newest modification time among the sources that make up the build.
asios_sources_newer_than() {
  local stamp="$1"
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$ASIOS_HOME" -path "$ASIOS_HOME/.git" -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' -o -path "$ASIOS_HOME/.mvn/*" \) \
      -newer "$stamp" -print -quit 2>/dev/null)" ]
}
