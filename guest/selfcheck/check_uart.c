/* UART: the console UART the DTB names in /chosen/stdout-path, when it is an
 * ns16550a with byte registers: THRE set while idle, a line written through
 * THR, the divisor latch and the scratch register written and read back (and
 * restored). Under hpmvisor that is its emulated UART (hyp/vuart.c); on the
 * firmware alone, QEMU's own. Skipped when the DTB names no such UART. */
#include <stdint.h>
#include <string.h>

#include "checks.h"
#include "console.h"
#include "fdt.h"
#include "harness.h"
#include "runtime.h"

enum { THR = 0, DLL = 0, DLM = 1, LCR = 3, LSR = 5, SCR = 7 };
#define LCR_DLAB 0x80
#define LSR_THRE 0x20
#define THRE_POLLS 1000000  /* a real UART may still be sending what came before */

static const char uart_line[] = "# uart: this line went out through THR, byte by byte\r\n";
static volatile uint8_t *regs;

static uint8_t in(unsigned r) { return regs[r]; }
static void out(unsigned r, uint8_t v) { regs[r] = v; }

static bool wait_thre(void)
{
	for (int i = 0; i < THRE_POLLS; i++)
		if (in(LSR) & LSR_THRE)
			return true;
	return false;
}

static bool has_string(const char *list, unsigned len, const char *want)
{
	for (unsigned i = 0; i < len; i += strlen(list + i) + 1)
		if (!strcmp(list + i, want))
			return true;
	return false;
}

/* The UART's base address, or 0 with *why set. */
static unsigned long find_uart(const char **why)
{
	unsigned len;
	char path[64];
	const char *sp = env.dtb ? fdt_prop(env.dtb, "/chosen", "stdout-path", &len) : NULL;
	if (!sp || !len || len > sizeof(path)) {
		*why = "no /chosen/stdout-path in the DTB";
		return 0;
	}
	memcpy(path, sp, len);
	path[strcspn(path, ":")] = 0;  /* "path:115200n8" names options after the colon */
	const char *compat = fdt_prop(env.dtb, path, "compatible", &len);
	if (!compat || !has_string(compat, len, "ns16550a")) {
		*why = "the stdout-path UART is no ns16550a";
		return 0;
	}
	const void *shift = fdt_prop(env.dtb, path, "reg-shift", &len);
	const void *width = fdt_prop(env.dtb, path, "reg-io-width", &len);
	if ((shift && fdt_cells(shift, 1) != 0) || (width && fdt_cells(width, 1) != 1)) {
		*why = "the stdout-path UART's registers are not bytes";
		return 0;
	}
	/* Its parent's #address-cells: the root's or /soc's, 2 on QEMU virt and here. */
	char parent[64];
	memcpy(parent, path, sizeof(parent));
	char *slash = strrchr(parent, '/');
	if (slash == parent)
		slash[1] = 0;
	else if (slash)
		*slash = 0;
	const void *cells = fdt_prop(env.dtb, parent, "#address-cells", &len);
	const void *reg = fdt_prop(env.dtb, path, "reg", &len);
	if (!reg) {
		*why = "the stdout-path UART has no reg";
		return 0;
	}
	return fdt_cells(reg, cells ? (unsigned)fdt_cells(cells, 1) : 2);
}

static void check_line_out(void)
{
	bool ok = true;
	for (const char *c = uart_line; *c && ok; c++) {
		ok = wait_thre();
		out(THR, (uint8_t)*c);
	}
	check(ok && wait_thre(), "uart: a line written through THR, LSR.THRE set before each byte",
	      "got: LSR.THRE still clear after %d reads expected: set", THRE_POLLS);
}

static void check_divisor_latch(void)
{
	uint8_t lcr = in(LCR);
	out(LCR, lcr | LCR_DLAB);
	uint8_t dll = in(DLL), dlm = in(DLM);
	out(DLL, 0xa5);
	out(DLM, 0x5a);
	uint8_t got_l = in(DLL), got_m = in(DLM);
	out(DLL, dll);
	out(DLM, dlm);
	out(LCR, lcr);
	uint8_t lcr_back = in(LCR);
	check(got_l == 0xa5 && got_m == 0x5a, "uart: divisor latch (LCR.DLAB) reads back what was written",
	      "got: DLL %#x DLM %#x expected: 0xa5 0x5a", got_l, got_m);
	check(lcr_back == lcr, "uart: LCR restored after the divisor latch",
	      "got: %#x expected: %#x", lcr_back, lcr);
}

static void check_scratch(void)
{
	uint8_t old = in(SCR);
	out(SCR, 0x3c);
	uint8_t got = in(SCR);
	out(SCR, old);
	check(got == 0x3c, "uart: scratch register reads back", "got: %#x expected: 0x3c", got);
}

void check_uart(void)
{
	const char *why = "";
	unsigned long base = find_uart(&why);
	if (!base) {
		skip("uart: the stdout-path ns16550a", "%s", why);
		return;
	}
	regs = (volatile uint8_t *)base;
	console_flush();  /* the ROM's own lines before the UART's */
	check(wait_thre(), "uart: LSR.THRE set while idle", "got: clear after %d reads expected: set", THRE_POLLS);
	check_line_out();
	check_divisor_latch();
	check_scratch();
}
