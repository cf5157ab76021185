#include "boot/isa.h"
#include <string.h>

#define LETTER(c) (1u << ((c) - 'a'))
/* The order letters take in riscv,isa (unprivileged spec, "ISA Extension Naming
 * Conventions"); a letter not in it is not one the binding allows, so it is dropped. */
static const char letter_order[] = "iemafdqlcbkjtpvh";
/* Letters a guest gets as they are: FS is on for guests, the rest is plain code. */
#define GUEST_LETTERS (LETTER('i') | LETTER('e') | LETTER('m') | LETTER('a') | LETTER('f') | \
		       LETTER('d') | LETTER('q') | LETTER('c') | LETTER('b'))

enum offer_rule {
	KEEP_OUT,   /* known, used by the hypervisor, never passed on */
	PASS,       /* unprivileged, usable by a guest with no hypervisor help */
	IF_SSTC,
	IF_SSCOFPMF,
};

/* Canonical order (Z by category letter, then S), which riscv,isa and the guest's
 * list follow. Kept out of guests: Zicbom/Zicboz need henvcfg enables, Zicfilp/
 * Zicfiss shadow-stack and landing-pad state, Zkr the seed CSR, Zawrs the WFI
 * policy, the S ones hypervisor support. At most 64 entries (isa_set.named). */
static const struct {
	const char *name;
	enum offer_rule rule;
} names[] = {
	{ "zicbom", KEEP_OUT }, { "zicbop", PASS }, { "zicboz", KEEP_OUT },
	{ "zicfilp", KEEP_OUT }, { "zicfiss", KEEP_OUT }, { "zicntr", PASS }, { "zicond", PASS },
	{ "zicsr", PASS }, { "zifencei", PASS }, { "zihintntl", PASS }, { "zihintpause", PASS },
	{ "zihpm", PASS }, { "zmmul", PASS }, { "zacas", PASS }, { "zawrs", KEEP_OUT },
	{ "zfa", PASS }, { "zfh", PASS }, { "zfhmin", PASS },
	{ "zca", PASS }, { "zcb", PASS }, { "zcd", PASS }, { "zcf", PASS },
	{ "zba", PASS }, { "zbb", PASS }, { "zbc", PASS }, { "zbkb", PASS }, { "zbkc", PASS },
	{ "zbkx", PASS }, { "zbs", PASS },
	{ "zknd", PASS }, { "zkne", PASS }, { "zknh", PASS }, { "zkr", KEEP_OUT },
	{ "zksed", PASS }, { "zksh", PASS }, { "zkt", PASS },
	{ "smaia", KEEP_OUT }, { "ssaia", KEEP_OUT }, { "sscofpmf", IF_SSCOFPMF },
	{ "sstc", IF_SSTC }, { "svadu", KEEP_OUT }, { "svinval", KEEP_OUT },
	{ "svnapot", KEEP_OUT }, { "svpbmt", KEEP_OUT },
};
#define N_NAMES (sizeof(names) / sizeof(names[0]))
_Static_assert(N_NAMES <= 64, "isa_set.named has 64 bits");

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The table index of the len-byte name at tok, or -1. */
static int name_index(const char *tok, size_t len)
{
	for (size_t i = 0; i < N_NAMES; i++) {
		const char *n = names[i].name;
		size_t j = 0;

		while (j < len && n[j] && lower(tok[j]) == n[j])
			j++;
		if (j == len && !n[j])
			return (int)i;
	}
	return -1;
}

static void add_name(struct isa_set *s, const char *tok, size_t len)
{
	int i = name_index(tok, len);

	if (i >= 0)
		s->named |= 1ull << i;
}

/* "g" is the old shorthand: imafd with the CSR and fence.i instructions, which
 * were split out of I later. */
static void add_letter(struct isa_set *s, char c)
{
	if (c == 'g') {
		s->letters |= LETTER('i') | LETTER('m') | LETTER('a') | LETTER('f') | LETTER('d');
		add_name(s, "zicsr", 5);
		add_name(s, "zifencei", 8);
	} else if (c >= 'a' && c <= 'z' && strchr(letter_order, c)) {
		s->letters |= LETTER(c);
	}
}

/* "rv32"/"rv64" at the start of s: its xlen, or 0. */
static unsigned xlen_of(const char *s)
{
	if (!s || lower(s[0]) != 'r' || lower(s[1]) != 'v')
		return 0;
	if (s[2] == '6' && s[3] == '4')
		return 64;
	if (s[2] == '3' && s[3] == '2')
		return 32;
	return 0;
}

/* A version ("2p1") after an extension name: digits, optionally 'p' and digits. */
static const char *skip_version(const char *p)
{
	while (is_digit(*p))
		p++;
	if (lower(*p) == 'p' && is_digit(p[1]))
		for (p++; is_digit(*p);)
			p++;
	return p;
}

int isa_from_string(struct isa_set *s, const char *isa)
{
	const char *p;

	memset(s, 0, sizeof(*s));
	s->xlen = xlen_of(isa);
	if (!s->xlen)
		return -1;
	/* Single letters up to the first '_' or multi-letter name (which the binding
	 * lets follow the letters directly); each may carry a version. */
	for (p = isa + 4; *p && *p != '_' && !strchr("sxz", lower(*p));) {
		add_letter(s, lower(*p++));
		p = skip_version(p);
	}
	while (*p) {
		size_t len;

		p += *p == '_';
		len = strcspn(p, "_");
		/* A trailing version is not part of the name ("zicsr2p0"). */
		while (len && (is_digit(p[len - 1]) ||
			       (lower(p[len - 1]) == 'p' && len > 1 && is_digit(p[len - 2]))))
			len--;
		/* Some strings separate letters too ("rv64i_m_a"). */
		if (len == 1)
			add_letter(s, lower(p[0]));
		else
			add_name(s, p, len);
		p += strcspn(p, "_");
	}
	return 0;
}

int isa_from_list(struct isa_set *s, const char *base, const char *list, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->xlen = xlen_of(base);
	if (!s->xlen || (len && list[len - 1] != '\0'))
		return -1;
	for (const char *b = base + 4; *b; b++)
		add_letter(s, lower(*b));
	for (size_t i = 0; i < len;) {
		const char *e = list + i;
		size_t n = strlen(e);

		if (n == 1)
			add_letter(s, lower(e[0]));
		else
			add_name(s, e, n);
		i += n + 1;
	}
	return 0;
}

bool isa_set_has(const struct isa_set *s, const char *ext)
{
	int i;

	if (!s->xlen || !ext[0])
		return false;
	if (!ext[1]) {
		char c = lower(ext[0]);
		return c >= 'a' && c <= 'z' && (s->letters & LETTER(c));
	}
	i = name_index(ext, strlen(ext));
	return i >= 0 && (s->named & (1ull << i));
}

void isa_guest(const struct isa_set *host, const struct isa_offer *offer, struct isa_set *guest)
{
	*guest = (struct isa_set){ .xlen = host->xlen, .letters = host->letters & GUEST_LETTERS };
	for (size_t i = 0; i < N_NAMES; i++) {
		enum offer_rule r = names[i].rule;

		if (r == PASS || (r == IF_SSTC && offer->sstc) || (r == IF_SSCOFPMF && offer->sscofpmf))
			guest->named |= host->named & (1ull << i);
	}
}

static bool put(char *out, size_t out_len, size_t *pos, const char *s, size_t n)
{
	if (n >= out_len - *pos)
		return false;
	memcpy(out + *pos, s, n);
	*pos += n;
	out[*pos] = '\0';
	return true;
}

/* Writes the letters then the names from out[pos]: as riscv,isa (letters run
 * together, "_" before each name) or as a string list (each item NUL-terminated). */
static int emit(const struct isa_set *s, char *out, size_t out_len, size_t pos, bool string)
{
	static const char nul[1];

	for (const char *l = letter_order; *l; l++)
		if ((s->letters & LETTER(*l)) && !(put(out, out_len, &pos, l, 1) &&
						   (string || put(out, out_len, &pos, nul, 1))))
			return -1;
	for (size_t i = 0; i < N_NAMES; i++) {
		const char *n = names[i].name;

		if (!(s->named & (1ull << i)))
			continue;
		if (!(string ? put(out, out_len, &pos, "_", 1) && put(out, out_len, &pos, n, strlen(n))
			     : put(out, out_len, &pos, n, strlen(n) + 1)))
			return -1;
	}
	return (int)pos;
}

int isa_to_string(const struct isa_set *s, char *out, size_t out_len)
{
	size_t pos = 0;

	if (!s->xlen || out_len == 0 || !put(out, out_len, &pos, s->xlen == 64 ? "rv64" : "rv32", 4))
		return -1;
	return emit(s, out, out_len, pos, true);
}

int isa_to_list(const struct isa_set *s, char *out, size_t out_len)
{
	/* put() keeps a NUL after what it wrote, so a list needs one spare byte. */
	if (!s->xlen || out_len == 0)
		return -1;
	out[0] = '\0';
	return emit(s, out, out_len, 0, false);
}

const char *isa_base(const struct isa_set *s)
{
	bool e = !(s->letters & LETTER('i')) && (s->letters & LETTER('e'));

	return s->xlen == 32 ? (e ? "rv32e" : "rv32i") : (e ? "rv64e" : "rv64i");
}

bool isa_has(const char *isa, const char *ext)
{
	struct isa_set s;

	return isa_from_string(&s, isa) == 0 && isa_set_has(&s, ext);
}

int isa_guest_string(const char *host_isa, const struct isa_offer *offer, char *out, size_t out_len)
{
	struct isa_set host, guest;

	if (isa_from_string(&host, host_isa))
		return -1;
	isa_guest(&host, offer, &guest);
	return isa_to_string(&guest, out, out_len) < 0 ? -1 : 0;
}
