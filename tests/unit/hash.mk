# SHA-256, SHA-1 and CRC-32 against published vectors and against sha256sum,
# sha1sum and gzip's CRC-32 of prefixes of a real file, taken at build time.
UNIT_TESTS += hash
UNIT_SRCS_hash := hyp/sha256.c hyp/sha1.c hyp/md_hash.c hyp/crc32.c

HASH_REF_FILE := README.md
# Lengths around the padding edges (55/56, 63/64 bytes into a block) and the whole file.
HASH_REF_LENS := 1 55 56 63 64 119 120 1000 all
$(B)/host/hash_refs.h: $(HASH_REF_FILE) tests/unit/hash.mk
	@mkdir -p $(dir $@)
	@for n in $(HASH_REF_LENS); do \
		if [ $$n = all ]; then cut=cat; else cut="head -c $$n"; fi; \
		len=$$($$cut $< | wc -c); \
		s256=$$($$cut $< | sha256sum | cut -c1-64); \
		s1=$$($$cut $< | sha1sum | cut -c1-40); \
		crc=$$($$cut $< | gzip -c | tail -c 8 | head -c 4 | od -An -tx1 | awk '{print $$4 $$3 $$2 $$1}'); \
		echo "{ $$len, \"$$s256\", \"$$s1\", 0x$$crc },"; \
	done >$@.tmp && mv $@.tmp $@
$(B)/host/test_hash: $(B)/host/hash_refs.h
$(B)/host/test_hash: HOST_CFLAGS += -I$(B)/host -DHASH_REF_FILE='"$(HASH_REF_FILE)"'
