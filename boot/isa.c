#include "boot/isa.h"
#include <string.h>

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Length of the single-letter part after "rv64"/"rv32", or -1 if no such prefix. */
static int base_len(const char *isa)
{
	if (lower(isa[0]) != 'r' || lower(isa[1]) != 'v' ||
	    !((isa[2] == '6' && isa[3] == '4') || (isa[2] == '3' && isa[3] == '2')))
		return -1;
	int n = 0;
	while (isa[4 + n] && isa[4 + n] != '_')
		n++;
	return n;
}

static bool token_equals(const char *tok, size_t len, const char *ext)
{
	if (strlen(ext) != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (lower(tok[i]) != lower(ext[i]))
			return false;
	return true;
}

bool isa_has(const char *isa, const char *ext)
{
	int n = base_len(isa);
	if (n < 0 || !ext[0])
		return false;
	if (!ext[1]) {
		for (int i = 0; i < n; i++) {
			char c = lower(isa[4 + i]);
			if (c == lower(ext[0]))
				return true;
			/* 'g' abbreviates imafd */
			if (c == 'g' && strchr("imafd", lower(ext[0])))
				return true;
		}
		return false;
	}
	for (const char *p = isa + 4 + n; *p;) {
		p += (*p == '_');
		size_t len = strcspn(p, "_");
		if (token_equals(p, len, ext))
			return true;
		p += len;
	}
	return false;
}

/* Unprivileged extensions a guest can use with no help from the hypervisor.
 * Others stay out: Zicbom/Zicboz need henvcfg enables, Zicfilp/Zicfiss
 * shadow-stack and landing-pad state, Zkr the seed CSR, Zawrs the WFI policy. */
static const char *const passthrough[] = {
	"zicsr", "zifencei", "zihintpause", "zihintntl", "zicntr", "zihpm", "zicond", "zicbop",
	"zmmul", "zba", "zbb", "zbc", "zbs", "zbkb", "zbkc", "zbkx", "zknd", "zkne", "zknh",
	"zksed", "zksh", "zkt", "zfh", "zfhmin", "zfa", "zca", "zcb", "zcd", "zcf", "zacas",
};

static bool offered_multi(const char *tok, size_t len, const struct isa_offer *o)
{
	for (size_t i = 0; i < sizeof(passthrough) / sizeof(passthrough[0]); i++)
		if (token_equals(tok, len, passthrough[i]))
			return true;
	if (token_equals(tok, len, "sstc"))
		return o->sstc;
	if (token_equals(tok, len, "sscofpmf"))
		return o->sscofpmf;
	return false;
}

static int append(char *out, size_t out_len, size_t *pos, const char *s, size_t len)
{
	if (*pos + len + 1 > out_len)
		return -1;
	memcpy(out + *pos, s, len);
	*pos += len;
	out[*pos] = '\0';
	return 0;
}

int isa_guest_string(const char *host_isa, const struct isa_offer *offer, char *out, size_t out_len)
{
	int n = base_len(host_isa);
	size_t pos = 0;
	if (n < 0 || out_len == 0 || append(out, out_len, &pos, host_isa, 4))
		return -1;
	for (int i = 0; i < n; i++) {
		char c = host_isa[4 + i];
		if (lower(c) != 'h' && append(out, out_len, &pos, &c, 1))
			return -1;
	}
	for (const char *p = host_isa + 4 + n; *p;) {
		p += (*p == '_');
		size_t len = strcspn(p, "_");
		if (len && offered_multi(p, len, offer) &&
		    (append(out, out_len, &pos, "_", 1) || append(out, out_len, &pos, p, len)))
			return -1;
		p += len;
	}
	return 0;
}
