# Shared by the scripts in this folder: timing of phases and the PATH for web builds.
# Sourced, not run.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
PHASES=()

# phase NAME COMMAND...: runs COMMAND, prints and records how long it took.
phase() {
  local name="$1" start=$SECONDS status=0
  shift
  echo "==> $name"
  "$@" || status=$?
  local took=$((SECONDS - start))
  PHASES+=("$(printf '%-28s %4ds%s' "$name" "$took" "$([ $status -eq 0 ] || echo "  FAILED ($status)")")")
  echo "<== $name: ${took}s$([ $status -eq 0 ] || echo ", FAILED ($status)")"
  return $status
}

print_phases() {
  echo
  echo "Phase timings:"
  printf '  %s\n' "${PHASES[@]}"
}

# web COMMAND...: runs a wasm build command with wasm-opt 132 on PATH and downloads forbidden.
web() {
  PATH="$root/scripts/node-tools/node_modules/.bin:$PATH" TRUNK_OFFLINE=true \
    "$root/scripts/wasm-env" "$@"
}
