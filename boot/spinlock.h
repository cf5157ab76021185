/* A test-and-test-and-set lock for short critical sections shared by harts
 * (the allocators, while VMs are created and destroyed on several harts at
 * once). Pure C atomics, so the host tests run it under ThreadSanitizer. */
#ifndef BOOT_SPINLOCK_H
#define BOOT_SPINLOCK_H

struct spinlock {
	unsigned locked;
};

static inline void spin_lock(struct spinlock *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED))
			;
}

static inline void spin_unlock(struct spinlock *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

#endif
