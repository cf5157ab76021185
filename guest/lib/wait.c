#include "csr.h"
#include "wait.h"

void wait_begin(struct wait *w, unsigned long ticks)
{
	w->start = w->last = rdtime();
	w->ticks = ticks;
	w->still = 0;
}

bool wait_more(struct wait *w)
{
	unsigned long now = rdtime();

	if (now != w->last) {
		w->last = now;
		w->still = 0;
	} else if (++w->still >= WAIT_STILL_POLLS) {
		return false;
	}
	return now - w->start < w->ticks;
}
