# shellcheck shell=bash
# scripts/cmake-configure.sh — sourced by scripts/check and scripts/fuzz: how their builds are
# configured, so that a rebuild, or a fresh clone on the same machine, costs little CPU.

# cmake_configure SOURCE BUILD [CMAKE_ARGS...]: cmake -S SOURCE -B BUILD CMAKE_ARGS, with
#  - Ninja when it is installed (scripts/deps installs it): on this machine, where a process
#    costs milliseconds, make's own work (a make and a depend step per target, a progress
#    report per object) took as much CPU as a build whose compiles all came from ccache. A
#    BUILD configured with another generator is reset (its CMakeCache.txt and CMakeFiles/;
#    the rest, a fuzz corpus for one, stays);
#  - ccache when it is installed (scripts/deps installs it; ~/.cache/ccache unless
#    CCACHE_DIR says otherwise): paths under SOURCE are hashed relative to it (base_dir, no
#    hash_dir), so that clones in other folders hit too; the debug info then names the
#    sources by relative paths. The launcher itself sets CCACHE_BASEDIR and
#    CCACHE_NOHASHDIR (env VAR=… ccache), for the compiles alone: exported here they would
#    reach the caller's shell and everything it starts later (ctest, the tests). An empty
#    launcher takes ccache out of a BUILD configured while it was installed.
# Not for scan-build (scripts/check --lint): the analyzer must see every compile.
cmake_configure() {
  local src="$1" dir="$2" gen="Unix Makefiles" launcher="" have
  shift 2
  command -v ninja >/dev/null && gen=Ninja
  if command -v ccache >/dev/null; then
    # a CMake list: each element one word of the launcher's command line
    launcher="$(command -v env);CCACHE_BASEDIR=$src;CCACHE_NOHASHDIR=1;ccache"
  fi
  have=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$dir/CMakeCache.txt" 2>/dev/null || true)
  if [[ -n "$have" && "$have" != "$gen" ]]; then
    echo "cmake_configure: $dir was configured for $have, now $gen: reconfiguring it afresh"
    rm -rf -- "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  fi
  cmake -S "$src" -B "$dir" -G "$gen" -DCMAKE_C_COMPILER_LAUNCHER="$launcher" "$@"
}
