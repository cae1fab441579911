#!/usr/bin/env bash
# Builds the container image's root file system (profile `image`): a Java runtime made by jlink from the JDK that
# runs the build, plus the shared libraries it needs, so that the image starts FROM scratch and no base image is
# pulled from any registry. Usage: runtime.sh OUT_DIR MODULES
set -euo pipefail
out=$1
modules=$2
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/etc"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$out/opt/java"
# A JDK packaged by a distribution may link its trust store and security files to /etc: copy what they point to.
for f in "$out"/opt/java/lib/security/* "$out"/opt/java/conf/security/*; do
    [ -e "$f" ] || continue
    if [ -L "$f" ]; then cp --remove-destination "$(readlink -f "$f")" "$f"; fi
done
if [ ! -s "$out/opt/java/lib/security/cacerts" ]; then
    cp "$(readlink -f "$java_home/lib/security/cacerts")" "$out/opt/java/lib/security/cacerts"
fi
# A server has no display, no sound and no splash screen: drop the libraries that would pull in X11 and ALSA.
rm -f "$out"/opt/java/lib/libawt_xawt.so "$out"/opt/java/lib/libsplashscreen.so "$out"/opt/java/lib/libjsound.so
# The shared libraries of every binary of the runtime, at the paths the dynamic loader looks them up at.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 ldd 2>/dev/null | grep -o '/[^ ]*' | sort -u | while read -r lib; do
        [ -e "$lib" ] || continue
        case "$lib" in "$out"/*) continue ;; esac
        mkdir -p "$out$(dirname "$lib")"
        cp -L "$lib" "$out$lib"
    done
# Name lookups: files, then DNS (glibc's NSS; files and dns are built into libc since glibc 2.34).
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$out/etc/nsswitch.conf"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
"$out/opt/java/bin/java" -version 2>&1 | head -1
du -sh "$out" | cut -f1
