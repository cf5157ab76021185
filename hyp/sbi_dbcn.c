/* Debug console (EID 0x4442434E). Guest buffers are checked and copied through
 * the guest-memory gate in small chunks. */
#include "hyp/sbi.h"
#include "boot/console.h"
#include "hyp/vm.h"

#define CHUNK 128

static bool buffer_ok(const struct vcpu *v, unsigned long len, unsigned long lo, unsigned long hi)
{
	return hi == 0 && gmem_range_ok(&v->vm->mem, lo, len ? len : 1);
}

static struct sbiret dbcn_write(struct vcpu *v, unsigned long len, unsigned long gpa)
{
	char buf[CHUNK];
	for (unsigned long done = 0; done < len;) {
		unsigned long n = len - done < CHUNK ? len - done : CHUNK;
		if (gmem_read(&v->vm->mem, gpa + done, buf, n))
			return sbi_err(SBI_ERR_INVALID_PARAM);
		console_write(buf, n);
		done += n;
	}
	return sbi_ok((long)len);
}

static struct sbiret dbcn_read(struct vcpu *v, unsigned long len, unsigned long gpa)
{
	unsigned long got = 0;
	for (int c; got < len && (c = console_getc()) >= 0; got++) {
		char ch = (char)c;
		if (gmem_write(&v->vm->mem, gpa + got, &ch, 1))
			return sbi_err(SBI_ERR_INVALID_PARAM);
	}
	return sbi_ok((long)got);
}

static struct sbiret dbcn_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	switch (fid) {
	case SBI_DBCN_WRITE:
	case SBI_DBCN_READ:
		if (!buffer_ok(v, a[0], a[1], a[2]))
			return sbi_err(SBI_ERR_INVALID_PARAM);
		return fid == SBI_DBCN_WRITE ? dbcn_write(v, a[0], a[1]) : dbcn_read(v, a[0], a[1]);
	case SBI_DBCN_WRITE_BYTE:
		console_putc((char)a[0]);
		return sbi_ok(0);
	default:
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	}
}

const struct sbi_ext sbi_ext_dbcn = { .eid = SBI_EXT_DBCN, .call = dbcn_call };
