/*
 * A stand-in for libnvidia-ml.so.1 with canned values for two GPUs, built by the tests with gcc
 * so that the FFM binding runs end to end on a machine without a GPU. Only the functions that
 * dev.asios.observe.gpu binds are here, with the signatures and struct layouts of nvml.h.
 *
 * GPU 0, "NVIDIA H100 80GB HBM3": every reading, four active NVLinks (links 4..11 down, link 12
 * and up invalid), whose receive counter of link 3 is not supported; the transmit and receive
 * counters grow by 1000 KiB per link per read.
 * GPU 1, "NVIDIA A10G": power, ECC and NVLink are not supported; one XID 79 event is pending.
 *
 * Build switches: -DFAKE_INIT_RC=n makes nvmlInit_v2 return n; -DFAKE_POWER_RC_GPU0=n makes the
 * power reading of GPU 0 return n; -DFAKE_UUID_RC_GPU1=n makes the UUID of GPU 1 return n;
 * -DFAKE_SHUTDOWN_RC=n makes nvmlShutdown return n; -DFAKE_EVENT_REASONS adds the newer name
 * nvmlDeviceGetCurrentClocksEventReasons, which answers sw_thermal_slowdown (0x20). Test hooks: fake_nvml_raise_xid,
 * fake_nvml_shutdowns.
 */
#include <stddef.h>
#include <string.h>

#ifndef FAKE_INIT_RC
#define FAKE_INIT_RC 0
#endif
#ifndef FAKE_POWER_RC_GPU0
#define FAKE_POWER_RC_GPU0 0
#endif
#ifndef FAKE_UUID_RC_GPU1
#define FAKE_UUID_RC_GPU1 0
#endif
#ifndef FAKE_SHUTDOWN_RC
#define FAKE_SHUTDOWN_RC 0
#endif

#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_SUPPORTED 3
#define NVML_ERROR_INSUFFICIENT_SIZE 7
#define NVML_ERROR_TIMEOUT 10
#define XID_CRITICAL_ERROR 0x8ULL
#define FI_NVLINK_TX 138
#define FI_NVLINK_RX 139
#define GPUS 2
#define PENDING_MAX 16

typedef int nvmlReturn_t;

struct fake_gpu {
    const char *uuid;
    const char *name;
    unsigned int util_gpu, util_memory;
    unsigned long long mem_total, mem_free, mem_used;
    nvmlReturn_t power_rc;
    unsigned int power_mw;
    unsigned int sm_mhz, mem_mhz, temp_c;
    unsigned long long throttle;
    nvmlReturn_t ecc_rc;
    unsigned long long ecc_corrected, ecc_uncorrected;
    int nvlinks; /* -1: NVLink not supported */
    unsigned long long nvlink_kib;
    unsigned long long events;
};

typedef struct fake_gpu *nvmlDevice_t;
typedef struct fake_event_set *nvmlEventSet_t;

typedef struct {
    unsigned int gpu;
    unsigned int memory;
} nvmlUtilization_t;

typedef struct {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
} nvmlMemory_t;

typedef struct {
    nvmlDevice_t device;
    unsigned long long eventType;
    unsigned long long eventData;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
} nvmlEventData_t;

typedef union {
    double dVal;
    int siVal;
    unsigned int uiVal;
    unsigned long ulVal;
    unsigned long long ullVal;
    signed long long sllVal;
    unsigned short usVal;
} nvmlValue_t;

typedef struct {
    unsigned int fieldId;
    unsigned int scopeId;
    long long timestamp;
    long long latencyUsec;
    int valueType;
    nvmlReturn_t nvmlReturn;
    nvmlValue_t value;
} nvmlFieldValue_t;

struct fake_event_set {
    int unused;
};

static struct fake_gpu gpus[GPUS] = {
    {"GPU-6d0f5b46-1f8a-4c0e-9a34-7ea2f1c0aa01", "NVIDIA H100 80GB HBM3", 45, 30,
     85520809984ULL, 64046596096ULL, 21474213888ULL, FAKE_POWER_RC_GPU0, 350125, 1980, 2619, 61,
     0x4ULL, NVML_SUCCESS, 3, 0, 4, 0, 0},
    {"GPU-0c2f4e1d-2b7c-4d6e-8f90-1a2b3c4d5e02", "NVIDIA A10G", 0, 0,
     24146608128ULL, 23835181056ULL, 311427072ULL, NVML_ERROR_NOT_SUPPORTED, 0, 210, 405, 33,
     0x1ULL, NVML_ERROR_NOT_SUPPORTED, 0, 0, -1, 0, 0},
};

static struct fake_event_set the_set;
static int initialised;
static int shutdowns;
static struct {
    int gpu;
    unsigned long long xid;
} pending[PENDING_MAX] = {{1, 79}};
static int pending_count = 1;

static int known(nvmlDevice_t device)
{
    return initialised && (device == &gpus[0] || device == &gpus[1]);
}

nvmlReturn_t nvmlInit_v2(void)
{
    if (FAKE_INIT_RC != NVML_SUCCESS) {
        return FAKE_INIT_RC;
    }
    initialised = 1;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlShutdown(void)
{
    initialised = 0;
    shutdowns++;
    return FAKE_SHUTDOWN_RC;
}

const char *nvmlErrorString(nvmlReturn_t result)
{
    switch (result) {
    case NVML_SUCCESS: return "Success";
    case NVML_ERROR_UNINITIALIZED: return "Uninitialized";
    case NVML_ERROR_INVALID_ARGUMENT: return "Invalid Argument";
    case NVML_ERROR_NOT_SUPPORTED: return "Not Supported";
    case 4: return "Insufficient Permissions";
    case 9: return "Driver Not Loaded";
    case NVML_ERROR_TIMEOUT: return "Timeout";
    case 15: return "GPU is lost";
    default: return "Unknown Error";
    }
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count)
{
    if (!initialised) {
        return NVML_ERROR_UNINITIALIZED;
    }
    *count = GPUS;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)
{
    if (!initialised || index >= GPUS) {
        return initialised ? NVML_ERROR_INVALID_ARGUMENT : NVML_ERROR_UNINITIALIZED;
    }
    *device = &gpus[index];
    return NVML_SUCCESS;
}

static nvmlReturn_t copy_text(const char *text, char *buffer, unsigned int length)
{
    if (strlen(text) + 1 > length) {
        return NVML_ERROR_INSUFFICIENT_SIZE;
    }
    strcpy(buffer, text);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length)
{
    if (device == &gpus[1] && FAKE_UUID_RC_GPU1 != NVML_SUCCESS) {
        return FAKE_UUID_RC_GPU1;
    }
    return known(device) ? copy_text(device->uuid, uuid, length) : NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length)
{
    return known(device) ? copy_text(device->name, name, length) : NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    utilization->gpu = device->util_gpu;
    utilization->memory = device->util_memory;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    memory->total = device->mem_total;
    memory->free = device->mem_free;
    memory->used = device->mem_used;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *milliwatts)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    if (device->power_rc != NVML_SUCCESS) {
        return device->power_rc;
    }
    *milliwatts = device->power_mw;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetClockInfo(nvmlDevice_t device, int type, unsigned int *megahertz)
{
    if (!known(device) || (type != 1 && type != 2)) {
        return type == 0 || type == 3 ? NVML_ERROR_NOT_SUPPORTED : NVML_ERROR_INVALID_ARGUMENT;
    }
    *megahertz = type == 1 ? device->sm_mhz : device->mem_mhz;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t device, int sensor, unsigned int *celsius)
{
    if (!known(device) || sensor != 0) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    *celsius = device->temp_c;
    return NVML_SUCCESS;
}

/* nvmlPciInfo_t: GPU 0 at 0000:3b:00.0, GPU 1 at 0000:86:00.0. */
struct fake_pci_info {
    char bus_id_legacy[16];
    unsigned int domain, bus, device, pci_device_id, pci_subsystem_id;
    char bus_id[32];
};

nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, struct fake_pci_info *pci)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    memset(pci, 0, sizeof *pci);
    pci->bus = device == &gpus[0] ? 0x3b : 0x86;
    strcpy(pci->bus_id, device == &gpus[0] ? "00000000:3B:00.0" : "00000000:86:00.0");
    strcpy(pci->bus_id_legacy, device == &gpus[0] ? "0000:3B:00.0" : "0000:86:00.0");
    return NVML_SUCCESS;
}

/* Only GPU 0 knows its slowdown threshold (type 1), 87 °C. */
nvmlReturn_t nvmlDeviceGetTemperatureThreshold(nvmlDevice_t device, int type, unsigned int *celsius)
{
    if (!known(device) || type < 0 || type > 7) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    if (device != &gpus[0] || type != 1) {
        return NVML_ERROR_NOT_SUPPORTED;
    }
    *celsius = 87;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCurrentClocksThrottleReasons(nvmlDevice_t device, unsigned long long *reasons)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    *reasons = device->throttle;
    return NVML_SUCCESS;
}

#ifdef FAKE_EVENT_REASONS
nvmlReturn_t nvmlDeviceGetCurrentClocksEventReasons(nvmlDevice_t device, unsigned long long *reasons)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    *reasons = 0x20ULL;
    return NVML_SUCCESS;
}
#endif

nvmlReturn_t nvmlDeviceGetTotalEccErrors(nvmlDevice_t device, int errorType, int counterType, unsigned long long *count)
{
    if (!known(device) || (errorType != 0 && errorType != 1) || counterType != 0) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    if (device->ecc_rc != NVML_SUCCESS) {
        return device->ecc_rc;
    }
    *count = errorType == 0 ? device->ecc_corrected : device->ecc_uncorrected;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlEventSetCreate(nvmlEventSet_t *set)
{
    if (!initialised) {
        return NVML_ERROR_UNINITIALIZED;
    }
    *set = &the_set;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceRegisterEvents(nvmlDevice_t device, unsigned long long eventTypes, nvmlEventSet_t set)
{
    if (!known(device) || set != &the_set || eventTypes != XID_CRITICAL_ERROR) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    device->events |= eventTypes;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlEventSetWait_v2(nvmlEventSet_t set, nvmlEventData_t *data, unsigned int timeoutMs)
{
    if (!initialised || set != &the_set || timeoutMs != 0) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    for (int i = 0; i < pending_count; i++) {
        struct fake_gpu *gpu = &gpus[pending[i].gpu];
        if (gpu->events & XID_CRITICAL_ERROR) {
            data->device = gpu;
            data->eventType = XID_CRITICAL_ERROR;
            data->eventData = pending[i].xid;
            data->gpuInstanceId = 0xFFFFFFFFu;
            data->computeInstanceId = 0xFFFFFFFFu;
            memmove(&pending[i], &pending[i + 1], (size_t) (pending_count - i - 1) * sizeof(pending[0]));
            pending_count--;
            return NVML_SUCCESS;
        }
    }
    return NVML_ERROR_TIMEOUT;
}

nvmlReturn_t nvmlEventSetFree(nvmlEventSet_t set)
{
    return set == &the_set ? NVML_SUCCESS : NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetNvLinkState(nvmlDevice_t device, unsigned int link, int *active)
{
    if (!known(device)) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    if (device->nvlinks < 0) {
        return NVML_ERROR_NOT_SUPPORTED;
    }
    if (link >= 12) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    *active = (int) link < device->nvlinks;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetFieldValues(nvmlDevice_t device, int count, nvmlFieldValue_t *values)
{
    if (!known(device) || count < 0) {
        return NVML_ERROR_INVALID_ARGUMENT;
    }
    device->nvlink_kib += 1000;
    for (int i = 0; i < count; i++) {
        nvmlFieldValue_t *v = &values[i];
        int link_ok = device->nvlinks >= 0 && (int) v->scopeId < device->nvlinks;
        int field_ok = v->fieldId == FI_NVLINK_TX || (v->fieldId == FI_NVLINK_RX && v->scopeId != 3);
        v->timestamp = 1700000000000000LL;
        v->latencyUsec = 0;
        if (!link_ok || !field_ok) {
            v->nvmlReturn = NVML_ERROR_NOT_SUPPORTED;
            continue;
        }
        v->nvmlReturn = NVML_SUCCESS;
        v->valueType = 3;
        v->value.ullVal = device->nvlink_kib * (v->fieldId == FI_NVLINK_TX ? 2 : 1) + v->scopeId;
    }
    return NVML_SUCCESS;
}

/* Test hook: queues an XID event of gpu; returns 0, or -1 when the queue is full. */
int fake_nvml_raise_xid(int gpu, unsigned long long xid)
{
    if (pending_count == PENDING_MAX || gpu < 0 || gpu >= GPUS) {
        return -1;
    }
    pending[pending_count].gpu = gpu;
    pending[pending_count].xid = xid;
    pending_count++;
    return 0;
}

/* Test hook: how many times nvmlShutdown was called. */
int fake_nvml_shutdowns(void)
{
    return shutdowns;
}
