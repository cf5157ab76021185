#include <stddef.h>
#include <string.h>

#include "console.h"
#include "fdt.h"
#include "runtime.h"
#include "sbi.h"
#include "trap.h"

struct guest_env env;

static void env_from_dtb(void)
{
	struct fdt_range mem[8];
	unsigned len;
	const void *tb = fdt_prop(env.dtb, "/cpus", "timebase-frequency", &len);

	env.timebase_hz = DEFAULT_TIMEBASE_HZ;
	if (tb && (len == 4 || len == 8)) {
		env.timebase_hz = fdt_cells(tb, len / 4);
		env.timebase_from_dtb = true;
	}

	int n = fdt_child_regs(env.dtb, "/", "memory", mem, 8);
	for (int i = 0; i < n && i < 8; i++) {
		unsigned long img = (unsigned long)__image_start;
		if (img >= mem[i].base && img - mem[i].base < mem[i].size) {
			env.ram_base = mem[i].base;
			env.ram_end = mem[i].base + mem[i].size;
		}
	}
}

void runtime_start(unsigned long hartid, const void *dtb);
void runtime_start(unsigned long hartid, const void *dtb)
{
	trap_init();
	env.hartid = hartid;
	env.dtb = fdt_valid(dtb) ? dtb : NULL;
	env_from_dtb();
	console_init();
	guest_exit(guest_main());
}

void guest_exit(int failed)
{
	console_flush();
	sbi_shutdown(failed != 0);
}

unsigned long boot_count(void)
{
	unsigned len;
	const void *v = env.dtb ? fdt_prop(env.dtb, "/chosen", "hpmvisor,boot-count", &len) : NULL;

	return v && len == 4 ? fdt_cells(v, 1) : 0;
}

bool bootarg(const char *word)
{
	unsigned len;
	const char *args = env.dtb ? fdt_prop(env.dtb, "/chosen", "bootargs", &len) : NULL;
	size_t n = strlen(word);

	for (const char *p = args; p && (p = strstr(p, word)); p += n)
		if ((p == args || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}
