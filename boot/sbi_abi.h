/* SBI binary encoding: extension ids, function ids, error codes (SBI spec 3.0,
 * src/binary-encoding.adoc and the extension chapters). Constants only, so the
 * hypervisor, the guest ROMs and host tests share one copy. It sits in boot/,
 * the bottom layer, because boot already calls the firmware with it; every
 * layer above and the guests take it from here without reaching upward. */
#ifndef BOOT_SBI_ABI_H
#define BOOT_SBI_ABI_H

#define SBI_SUCCESS                 0
#define SBI_ERR_FAILED             -1
#define SBI_ERR_NOT_SUPPORTED      -2
#define SBI_ERR_INVALID_PARAM      -3
#define SBI_ERR_DENIED             -4
#define SBI_ERR_INVALID_ADDRESS    -5
#define SBI_ERR_ALREADY_AVAILABLE  -6
#define SBI_ERR_ALREADY_STARTED    -7
#define SBI_ERR_ALREADY_STOPPED    -8
#define SBI_ERR_NO_SHMEM           -9
#define SBI_ERR_INVALID_STATE     -10
#define SBI_ERR_BAD_RANGE         -11
#define SBI_ERR_TIMEOUT           -12
#define SBI_ERR_IO                -13

/* hpmvisor's BASE get_impl_id: "HPMV", outside the SBI registry's range. */
#define SBI_IMPL_ID_HPMVISOR        0x48504D56UL

/* Legacy extensions (EID = function). */
#define SBI_EXT_0_1_SET_TIMER       0x00
#define SBI_EXT_0_1_CONSOLE_PUTCHAR 0x01
#define SBI_EXT_0_1_CONSOLE_GETCHAR 0x02
#define SBI_EXT_0_1_SHUTDOWN        0x08

#define SBI_EXT_BASE   0x10
#define SBI_EXT_TIME   0x54494D45
#define SBI_EXT_IPI    0x735049
#define SBI_EXT_RFENCE 0x52464E43
#define SBI_EXT_HSM    0x48534D
#define SBI_EXT_SRST   0x53525354
#define SBI_EXT_PMU    0x504D55
#define SBI_EXT_DBCN   0x4442434E
#define SBI_EXT_SUSP   0x53555350

/* BASE */
#define SBI_BASE_GET_SPEC_VERSION  0
#define SBI_BASE_GET_IMPL_ID       1
#define SBI_BASE_GET_IMPL_VERSION  2
#define SBI_BASE_PROBE_EXT         3
#define SBI_BASE_GET_MVENDORID     4
#define SBI_BASE_GET_MARCHID       5
#define SBI_BASE_GET_MIMPID        6

/* TIME, IPI, RFENCE */
#define SBI_TIME_SET_TIMER               0
#define SBI_IPI_SEND_IPI                 0
#define SBI_RFENCE_REMOTE_FENCE_I        0
#define SBI_RFENCE_REMOTE_SFENCE_VMA     1
#define SBI_RFENCE_REMOTE_SFENCE_VMA_ASID 2
#define SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID 3
#define SBI_RFENCE_REMOTE_HFENCE_GVMA    4
#define SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID 5
#define SBI_RFENCE_REMOTE_HFENCE_VVMA    6

/* HSM */
#define SBI_HSM_HART_START      0
#define SBI_HSM_HART_STOP       1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_HART_SUSPEND    3
#define SBI_HSM_STATE_STARTED         0
#define SBI_HSM_STATE_STOPPED         1
#define SBI_HSM_STATE_START_PENDING   2
#define SBI_HSM_STATE_STOP_PENDING    3
#define SBI_HSM_STATE_SUSPENDED       4
/* hart_suspend types: the two defaults; 0x10000000.. and 0x90000000.. are
 * platform specific, the rest reserved. */
#define SBI_HSM_SUSPEND_RETENTIVE     0x00000000UL
#define SBI_HSM_SUSPEND_NON_RETENTIVE 0x80000000UL

/* SUSP */
#define SBI_SUSP_SYSTEM_SUSPEND       0
#define SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM 0

/* SRST */
#define SBI_SRST_RESET            0
#define SBI_SRST_TYPE_SHUTDOWN    0
#define SBI_SRST_TYPE_COLD_REBOOT 1
#define SBI_SRST_TYPE_WARM_REBOOT 2
#define SBI_SRST_REASON_NONE      0
#define SBI_SRST_REASON_FAILURE   1

/* DBCN */
#define SBI_DBCN_WRITE       0
#define SBI_DBCN_READ        1
#define SBI_DBCN_WRITE_BYTE  2

/* PMU */
#define SBI_PMU_NUM_COUNTERS          0
#define SBI_PMU_COUNTER_GET_INFO      1
#define SBI_PMU_COUNTER_CFG_MATCH     2
#define SBI_PMU_COUNTER_START         3
#define SBI_PMU_COUNTER_STOP          4
#define SBI_PMU_COUNTER_FW_READ       5
#define SBI_PMU_COUNTER_FW_READ_HI    6
#define SBI_PMU_SNAPSHOT_SET_SHMEM    7
#define SBI_PMU_EVENT_GET_INFO        8

#define SBI_PMU_CFG_FLAG_SKIP_MATCH   (1UL << 0)
#define SBI_PMU_CFG_FLAG_CLEAR_VALUE  (1UL << 1)
#define SBI_PMU_CFG_FLAG_AUTO_START   (1UL << 2)
#define SBI_PMU_CFG_FLAG_SET_VUINH    (1UL << 3)
#define SBI_PMU_CFG_FLAG_SET_VSINH    (1UL << 4)
#define SBI_PMU_CFG_FLAG_SET_UINH     (1UL << 5)
#define SBI_PMU_CFG_FLAG_SET_SINH     (1UL << 6)
#define SBI_PMU_CFG_FLAG_SET_MINH     (1UL << 7)
#define SBI_PMU_START_FLAG_SET_INIT_VALUE  (1UL << 0)
#define SBI_PMU_START_FLAG_INIT_SNAPSHOT   (1UL << 1)
#define SBI_PMU_STOP_FLAG_RESET            (1UL << 0)
#define SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT    (1UL << 1)

#define SBI_PMU_EVENT_TYPE_HW        0
#define SBI_PMU_EVENT_TYPE_HW_CACHE  1
#define SBI_PMU_EVENT_TYPE_HW_RAW    2
#define SBI_PMU_EVENT_TYPE_HW_RAW_V2 3
#define SBI_PMU_EVENT_TYPE_FW        15

#define SBI_PMU_HW_CPU_CYCLES    1
#define SBI_PMU_HW_INSTRUCTIONS  2

/* Firmware event codes (type 15). */
#define SBI_PMU_FW_MISALIGNED_LOAD    0
#define SBI_PMU_FW_MISALIGNED_STORE   1
#define SBI_PMU_FW_ACCESS_LOAD        2
#define SBI_PMU_FW_ACCESS_STORE       3
#define SBI_PMU_FW_ILLEGAL_INSN       4
#define SBI_PMU_FW_SET_TIMER          5
#define SBI_PMU_FW_IPI_SENT           6
#define SBI_PMU_FW_IPI_RCVD           7
#define SBI_PMU_FW_FENCE_I_SENT       8
#define SBI_PMU_FW_FENCE_I_RCVD       9
#define SBI_PMU_FW_SFENCE_VMA_SENT   10
#define SBI_PMU_FW_SFENCE_VMA_RCVD   11
#define SBI_PMU_FW_SFENCE_VMA_ASID_SENT 12
#define SBI_PMU_FW_SFENCE_VMA_ASID_RCVD 13
#define SBI_PMU_FW_HFENCE_GVMA_SENT  14
#define SBI_PMU_FW_HFENCE_GVMA_RCVD  15
#define SBI_PMU_FW_HFENCE_GVMA_VMID_SENT 16
#define SBI_PMU_FW_HFENCE_GVMA_VMID_RCVD 17
#define SBI_PMU_FW_HFENCE_VVMA_SENT  18
#define SBI_PMU_FW_HFENCE_VVMA_RCVD  19
#define SBI_PMU_FW_HFENCE_VVMA_ASID_SENT 20
#define SBI_PMU_FW_HFENCE_VVMA_ASID_RCVD 21
#define SBI_PMU_FW_MAX               22

#endif
