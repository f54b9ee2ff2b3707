// ThreadSanitizer and librdkafka on Debian 12: librdkafka uses C11 threads (thrd_create, mtx_lock, cnd_wait, ...),
// which glibc 2.36 implements by calling its internal pthread functions directly, past the interceptors of GCC 12's
// (and clang 14's) TSan runtime. TSan then never learns of librdkafka's threads (and crashes in its allocator on their
// first malloc) nor of its locks (and reports every record handed from a librdkafka thread to ours as a race).
// Linked into the tsan build's test binaries only (KAFSCOPE_TSAN): these definitions, exported from the executable,
// are the ones librdkafka binds to, and they go through the intercepted pthread functions. glibc's C11 types are
// its pthread types (mtx_t is a pthread_mutex_t, cnd_t a pthread_cond_t, thrd_t a pthread_t).
#include <cerrno>
#include <cstdint>
#include <pthread.h>
#include <threads.h>

namespace {

struct Start
{
    thrd_start_t func;
    void* arg;
};

void* run(void* p)
{
    const Start start = *static_cast<Start*>(p);
    delete static_cast<Start*>(p);
    // thrd_join reads the int back from the pointer-sized result, as glibc's own thrd_create arranges.
    return reinterpret_cast<void*>(static_cast<std::intptr_t>(start.func(start.arg)));
}

int result(int rc)
{
    return rc == 0 ? thrd_success : rc == ETIMEDOUT ? thrd_timedout : rc == EBUSY ? thrd_busy : thrd_error;
}

pthread_mutex_t* m(mtx_t* mutex)
{
    return reinterpret_cast<pthread_mutex_t*>(mutex);
}

pthread_cond_t* c(cnd_t* cond)
{
    return reinterpret_cast<pthread_cond_t*>(cond);
}

} // namespace

extern "C" {

int thrd_create(thrd_t* thread, thrd_start_t func, void* arg)
{
    auto* start = new Start { func, arg };
    const int rc = pthread_create(thread, nullptr, &run, start);
    if (rc != 0)
        delete start;
    return result(rc);
}

int thrd_join(thrd_t thread, int* res)
{
    void* value = nullptr;
    const int rc = pthread_join(thread, &value);
    if (rc == 0 && res)
        *res = int(reinterpret_cast<std::intptr_t>(value));
    return result(rc);
}

int thrd_detach(thrd_t thread)
{
    return result(pthread_detach(thread));
}

int mtx_init(mtx_t* mutex, int type)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    if (type & mtx_recursive)
        pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    const int rc = pthread_mutex_init(m(mutex), &attr);
    pthread_mutexattr_destroy(&attr);
    return result(rc);
}

void mtx_destroy(mtx_t* mutex)
{
    pthread_mutex_destroy(m(mutex));
}

int mtx_lock(mtx_t* mutex)
{
    return result(pthread_mutex_lock(m(mutex)));
}

int mtx_trylock(mtx_t* mutex)
{
    return result(pthread_mutex_trylock(m(mutex)));
}

int mtx_timedlock(mtx_t* __restrict mutex, const struct timespec* __restrict time)
{
    return result(pthread_mutex_timedlock(m(mutex), time));
}

int mtx_unlock(mtx_t* mutex)
{
    return result(pthread_mutex_unlock(m(mutex)));
}

int cnd_init(cnd_t* cond)
{
    return result(pthread_cond_init(c(cond), nullptr));
}

void cnd_destroy(cnd_t* cond)
{
    pthread_cond_destroy(c(cond));
}

int cnd_signal(cnd_t* cond)
{
    return result(pthread_cond_signal(c(cond)));
}

int cnd_broadcast(cnd_t* cond)
{
    return result(pthread_cond_broadcast(c(cond)));
}

int cnd_wait(cnd_t* cond, mtx_t* mutex)
{
    return result(pthread_cond_wait(c(cond), m(mutex)));
}

int cnd_timedwait(cnd_t* __restrict cond, mtx_t* __restrict mutex, const struct timespec* __restrict time)
{
    return result(pthread_cond_timedwait(c(cond), m(mutex), time));
}

} // extern "C"
