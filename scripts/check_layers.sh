#!/usr/bin/env bash
# The hypervisor's layers, bottom to top: boot mm pmu hyp (docs/design.md).
# A file may include headers of its own layer or of a layer below, never one
# above. Prints one line per upward #include and exits 1 if there is any.
set -uo pipefail
cd "$(dirname "$0")/.."
layers=(boot mm pmu hyp)
rank() {
	local i
	for i in "${!layers[@]}"; do
		[[ ${layers[$i]} == "$1" ]] && { echo "$i"; return; }
	done
	echo -1
}
bad=0 files=0
for src in boot/* mm/* pmu/* hyp/*; do
	[[ $src =~ \.(c|h|S)$ ]] || continue
	files=$((files + 1))
	from=${src%%/*}
	while IFS=: read -r line target; do
		case $target in
		asm_offsets.h) to=hyp ;;        # generated from hyp/asm_offsets.c
		*/*) to=${target%%/*} ;;
		*) to=$from ;;                  # beside the file itself
		esac
		if (( $(rank "$to") > $(rank "$from") )); then
			echo "$src:$line: includes \"$target\": $from/ must not reach up to $to/"
			bad=1
		fi
	done < <(grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$src" |
		 sed 's/^\([0-9]*\):[^"]*"\([^"]*\)".*/\1:\2/')
done
(( files > 0 )) || { echo "no source files found under boot/ mm/ pmu/ hyp/"; exit 1; }
exit $bad
