/* Console: DBCN write/write_byte, the address checks of write and read, legacy putchar.
 * Every byte these checks print is a '#' comment line, so the output stays
 * readable whether or not the calls work. The read checks expect no console
 * input (the test runner gives none). */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "console.h"
#include "harness.h"
#include "runtime.h"
#include "sbi.h"

static const char write_line[] = "# console: this line is one DBCN write\n";
static const char byte_line[] = "# console: this line is DBCN write_byte calls\n";
static const char legacy_line[] = "# console: this line is legacy putchar calls\n";

static struct sbiret dbcn_write(unsigned long len, unsigned long lo, unsigned long hi)
{
	return sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE, len, lo, hi, 0, 0, 0);
}

/* Write may be partial (it does not block); the whole buffer must go out
 * within a few calls, each reporting how much it took. */
static void check_dbcn_write(void)
{
	const char *what = "console: dbcn write returns the byte count";
	unsigned long left = strlen(write_line);
	struct sbiret r = { 0, 0 };

	for (int tries = 0; left && tries < 100; tries++) {
		r = dbcn_write(left, (unsigned long)(write_line + strlen(write_line) - left), 0);
		if (r.error || (unsigned long)r.value > left)
			break;
		left -= r.value;
	}
	if (r.error)
		check_err(what, r, SBI_SUCCESS);
	else
		check(left == 0, what, "got: %lu of %u bytes written (last value %ld) expected: all",
		      (unsigned long)strlen(write_line) - left, (unsigned)strlen(write_line), r.value);
}

static void check_dbcn_write_byte(void)
{
	struct sbiret r = { 0, 0 };

	for (const char *c = byte_line; *c && !r.error; c++)
		r = sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, (unsigned char)*c, 0, 0, 0, 0, 0);
	check_ret("console: dbcn write_byte succeeds", r, 0);
}

static struct sbiret dbcn_read(unsigned long len, unsigned long lo, unsigned long hi)
{
	return sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_READ, len, lo, hi, 0, 0, 0);
}

/* Empties the console's input (bounded), so that a read which should be
 * refused finds nothing to store should the SBI take it after all. */
static void drain_input(void)
{
	char sink[16];

	for (int i = 0; i < 64 && dbcn_read(sizeof(sink), (unsigned long)sink, 0).value > 0; i++)
		;
}

/* A buffer across the end of RAM (4 bytes inside, 4 past it): INVALID_PARAM.
 * The read goes first because it is safe on an SBI that does not check: with
 * no input waiting it stores nothing. A write from there makes such an SBI
 * read missing memory, which can take it down (OpenSBI 1.6 faults in M-mode
 * while holding its console lock and hangs), so it is only called once the
 * read showed that the range is checked. */
static void check_dbcn_past_ram(void)
{
	const char *read_what = "console: dbcn read across the end of RAM -> INVALID_PARAM";
	const char *write_what = "console: dbcn write across the end of RAM -> INVALID_PARAM";
	struct sbiret r;

	if (!env.ram_end) {
		skip("console: dbcn read and write across the end of RAM -> INVALID_PARAM",
		     "no memory node for this image in the DTB");
		return;
	}
	drain_input();
	r = dbcn_read(8, env.ram_end - 4, 0);
	if (check_err(read_what, r, SBI_ERR_INVALID_PARAM))
		check_err(write_what, dbcn_write(8, env.ram_end - 4, 0), SBI_ERR_INVALID_PARAM);
	else
		check(false, write_what, "got: not called, the read across the end of RAM was taken "
		      "(%s) and a write would make the SBI read missing memory expected: INVALID_PARAM",
		      sbi_err_name(r.error));
}

/* base_addr_hi = 1 is beyond RAM: INVALID_PARAM. The low half names this
 * image's own bytes, so an SBI that drops the high half prints a comment
 * line or reads nothing (no input waiting). */
static void check_dbcn_hi(void)
{
	static char read_buf[8];

	check_err("console: dbcn write at base_addr_hi = 1 (beyond RAM) -> INVALID_PARAM",
		  dbcn_write(8, (unsigned long)write_line, 1), SBI_ERR_INVALID_PARAM);
	drain_input();
	check_err("console: dbcn read at base_addr_hi = 1 (beyond RAM) -> INVALID_PARAM",
		  dbcn_read(sizeof(read_buf), (unsigned long)read_buf, 1), SBI_ERR_INVALID_PARAM);
}

static void check_legacy_putchar(void)
{
	long err = 0;

	if (!sbi_probe(SBI_EXT_0_1_CONSOLE_PUTCHAR)) {
		skip("console: legacy putchar", "legacy console not offered (probe = 0)");
		return;
	}
	for (const char *c = legacy_line; *c && !err; c++)
		err = sbi_legacy(SBI_EXT_0_1_CONSOLE_PUTCHAR, (unsigned char)*c);
	check(err == 0, "console: legacy putchar returns 0", "got: %ld expected: 0", err);
}

void check_console(void)
{
	console_flush();	/* our own lines go out with the calls under test */
	if (sbi_probe(SBI_EXT_DBCN)) {
		check_dbcn_write();
		check_dbcn_write_byte();
		check_dbcn_past_ram();
		check_dbcn_hi();
	} else {
		skip("console: dbcn write, write_byte, address checks", "DBCN not offered (probe = 0)");
	}
	console_flush();
	check_legacy_putchar();
}
