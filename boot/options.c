#include "boot/options.h"
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define PREFIX "hpmvisor."

/* The decimal digits at the start of s: how many, 0 for none or overflow. */
static size_t parse_digits(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i = 0;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (UINT64_MAX - 9) / 10)
			return 0;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return i;
}

static bool parse_number(const char *s, size_t len, uint64_t *out)
{
	return len && parse_digits(s, len, out) == len;
}

static bool parse_size(const char *s, size_t len, uint64_t *out)
{
	uint64_t v;
	size_t i = parse_digits(s, len, &v);
	if (i == 0)
		return false;
	unsigned shift = 0;
	if (i < len) {
		switch (s[i++]) {
		case 'K': case 'k': shift = 10; break;
		case 'M': case 'm': shift = 20; break;
		case 'G': case 'g': shift = 30; break;
		default: return false;
		}
	}
	if (i != len || v > (UINT64_MAX >> shift))
		return false;
	*out = v << shift;
	return true;
}

/* One word of the command line: returns its value span (quotes stripped). */
static const char *next_word(const char *p, const char **key, size_t *key_len,
			     const char **val, size_t *val_len, bool *bad_quote)
{
	*key = p;
	*key_len = strcspn(p, "= ");
	*val = NULL;
	*val_len = 0;
	*bad_quote = false;
	p += *key_len;
	if (*p != '=')
		return p;
	p++;
	if (*p == '"') {
		const char *end = strchr(p + 1, '"');
		if (!end) {
			*bad_quote = true;
			return p + strlen(p);
		}
		*val = p + 1;
		*val_len = (size_t)(end - p - 1);
		return end + 1;
	}
	*val = p;
	*val_len = strcspn(p, " ");
	return p + *val_len;
}

static int parse_on_off(const char *name, const char *val, size_t val_len, bool *flag,
			char *err, size_t err_len)
{
	if (val && val_len == 2 && !strncmp(val, "on", 2))
		*flag = true;
	else if (val && val_len == 3 && !strncmp(val, "off", 3))
		*flag = false;
	else {
		snprintf(err, err_len, "bad hpmvisor.%s=%.*s: give on or off", name, (int)val_len, val ? val : "");
		return -1;
	}
	return 0;
}

static int apply(struct hyp_options *o, const char *key, size_t key_len, const char *val,
		 size_t val_len, char *err, size_t err_len)
{
	if (key_len == 3 && !strncmp(key, "mem", 3)) {
		if (!val || !parse_size(val, val_len, &o->guest_mem) || o->guest_mem < OPT_GUEST_MEM_MIN ||
		    o->guest_mem > OPT_GUEST_MEM_MAX) {
			snprintf(err, err_len, "bad hpmvisor.mem=%.*s: give a size from 4M to %lluG, e.g. hpmvisor.mem=64M",
				 (int)val_len, val ? val : "", OPT_GUEST_MEM_MAX >> 30);
			return -1;
		}
		return 0;
	}
	if (key_len == 10 && !strncmp(key, "guest_args", 10)) {
		if (!val || val_len >= sizeof(o->guest_args)) {
			snprintf(err, err_len, "bad hpmvisor.guest_args: give a value of at most %d bytes",
				 (int)sizeof(o->guest_args) - 1);
			return -1;
		}
		memcpy(o->guest_args, val, val_len);
		o->guest_args[val_len] = '\0';
		return 0;
	}
	if (key_len == 5 && !strncmp(key, "vcpus", 5)) {
		uint64_t n;
		if (!val || !parse_number(val, val_len, &n) || n < 1 || n > OPT_VCPUS_MAX) {
			snprintf(err, err_len, "bad hpmvisor.vcpus=%.*s: give a number from 1 to %d",
				 (int)val_len, val ? val : "", OPT_VCPUS_MAX);
			return -1;
		}
		o->vcpus = (unsigned)n;
		return 0;
	}
	if (key_len == 14 && !strncmp(key, "teardown_check", 14))
		return parse_on_off("teardown_check", val, val_len, &o->teardown_check, err, err_len);
	if (key_len == 6 && !strncmp(key, "htinst", 6))
		return parse_on_off("htinst", val, val_len, &o->htinst, err, err_len);
	snprintf(err, err_len, "unknown option hpmvisor.%.*s: known are hpmvisor.mem=, hpmvisor.vcpus=, "
		 "hpmvisor.guest_args=, hpmvisor.teardown_check= and hpmvisor.htinst=", (int)key_len, key);
	return -1;
}

int options_parse(const char *cmdline, struct hyp_options *o, char *err, size_t err_len)
{
	o->guest_mem = OPT_GUEST_MEM_DEFAULT;
	o->guest_args[0] = '\0';
	o->vcpus = 1;
	o->teardown_check = false;
	o->htinst = true;
	for (const char *p = cmdline; *p;) {
		if (*p == ' ') {
			p++;
			continue;
		}
		const char *key, *val;
		size_t key_len, val_len;
		bool bad_quote;
		const char *word = p;
		p = next_word(p, &key, &key_len, &val, &val_len, &bad_quote);
		if (strncmp(word, PREFIX, strlen(PREFIX)))
			continue;
		if (bad_quote) {
			snprintf(err, err_len, "unterminated quote in %.40s", word);
			return -1;
		}
		if (apply(o, key + strlen(PREFIX), key_len - strlen(PREFIX), val, val_len, err, err_len))
			return -1;
	}
	return 0;
}
