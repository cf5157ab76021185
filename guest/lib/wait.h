/* Bounded waits. Every wait of the guests ends: after its span of the time
 * CSR, or as soon as the time CSR has stood still for WAIT_STILL_POLLS polls
 * in a row (a platform whose time does not advance must not hang a guest).
 *   struct wait w;
 *   wait_begin(&w, MS(100));
 *   while (!done && wait_more(&w))
 *           poll();
 */
#ifndef GUEST_WAIT_H
#define GUEST_WAIT_H

#include <stdbool.h>

/* Far more polls than one tick of any timebase takes (a tick of a 32 kHz
 * timebase is ~30 us; a poll is at least a few instructions). */
#define WAIT_STILL_POLLS 1000000u

struct wait {
	unsigned long start, ticks, last;
	unsigned still;		/* polls since the time CSR last moved */
};

void wait_begin(struct wait *w, unsigned long ticks);
/* Whether to poll once more: false once the span is over or time stands still. */
bool wait_more(struct wait *w);

#endif
