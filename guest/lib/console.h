/* stdout for the guests: line-buffered, written with DBCN when the SBI
 * offers it, else with the legacy putchar. */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <stdbool.h>

void console_init(void);
/* Write out what printf has buffered; call before bypassing stdout. */
void console_flush(void);
bool console_uses_dbcn(void);

#endif
