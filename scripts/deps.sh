#!/usr/bin/env bash
# Installs the Debian packages hpmvisor needs, only those missing, and says what it does.
set -euo pipefail

# command-or-file to check  ->  Debian package that provides it
need=(
  "riscv64-unknown-elf-gcc:gcc-riscv64-unknown-elf"
  "/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs:picolibc-riscv64-unknown-elf"
  "qemu-system-riscv64:qemu-system-misc"
  "/usr/share/qemu/opensbi-riscv64-generic-fw_dynamic.bin:qemu-system-data"
  "dtc:device-tree-compiler"
  "/usr/include/cmocka.h:libcmocka-dev"
  "cc:gcc"
  "make:make"
  "riscv64-linux-gnu-ld:binutils-riscv64-linux-gnu"
  "/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin:u-boot-qemu"
  "mkimage:u-boot-tools"
)

missing=()
for entry in "${need[@]}"; do
  what=${entry%%:*} pkg=${entry##*:}
  if [[ $what == /* ]]; then [[ -e $what ]] && continue
  else command -v "$what" >/dev/null 2>&1 && continue; fi
  missing+=("$pkg")
done

[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "deps: installing missing Debian packages: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "deps: need root for apt-get; run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: installed ${missing[*]}"
