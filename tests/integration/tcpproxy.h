#pragma once
// A TCP proxy for the fault tests (a slow broker, a Connect worker gone): listens on 127.0.0.1:listenPort (0: a free
// port, see port()) and relays to 127.0.0.1:targetPort, in a thread of its own (poll), so it keeps doing its part
// while the test's event loop waits. Modes:
//   Relay      bytes pass both ways at once;
//   Blackhole  connections are accepted and whatever a client sends is read and dropped; nothing is ever answered
//              (a broker whose process hangs, or a firewall that drops packets once the connection is made);
//   Delay      a client's bytes reach the broker at once, the broker's answers reach the client `delay` later;
//   Refuse     nothing listens: a new connection is refused (a process that is gone); the next other mode listens on
//              the same port again.
// Changing the mode closes every open connection, so each phase starts with the clients' new connections (unless the
// test keeps them: setMode's Keep). setMode returns once the proxy thread has applied it.
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace kafscope::itest {

class TcpProxy
{
public:
    enum class Mode { Relay, Blackhole, Delay, Refuse };
    using Clock = std::chrono::steady_clock;

    TcpProxy(int listenPort, int targetPort)
        : m_targetPort(targetPort)
        , m_port(listenPort)
    {
        if (!listen())
            return;
        if (::pipe2(m_wake, O_NONBLOCK | O_CLOEXEC) != 0) {
            m_error = std::string("pipe: ") + std::strerror(errno);
            return;
        }
        m_thread = std::thread([this] { run(); });
    }
    ~TcpProxy()
    {
        m_stop = true;
        wake();
        if (m_thread.joinable())
            m_thread.join();
        for (int fd : { m_listen, m_wake[0], m_wake[1] })
            if (fd >= 0)
                ::close(fd);
    }
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    // Empty when the proxy listens.
    const std::string& error() const { return m_error; }
    // The port it listens on.
    int port() const { return m_port; }
    // What a mode change does to the connections already open: closed (the clients' next ones are in the new mode),
    // or kept, so a connection that was fine becomes slow (Delay) with requests on the way.
    enum class Keep { Nothing, OpenConnections };
    void setMode(Mode mode, std::chrono::milliseconds delay = {}, Keep keep = Keep::Nothing)
    {
        std::unique_lock lock(m_mutex);
        m_mode = mode;
        m_delay = delay;
        m_reset = keep == Keep::Nothing || mode == Mode::Refuse;
        const auto wanted = ++m_asked;
        wake();
        m_appliedChanged.wait(lock, [&] { return m_applied >= wanted || !m_thread.joinable(); });
    }
    // Connections accepted so far (all modes).
    int accepted() const { return m_accepted; }

private:
    struct Chunk
    {
        std::string bytes;
        Clock::time_point due;
    };
    struct Link
    {
        int client = -1;
        int broker = -1; // -1: blackholed
        std::string toBroker;
        std::deque<Chunk> toClient;
    };

    // Opens the listening socket on m_port (a free one when 0, then m_port says which); false, with m_error, if not.
    bool listen()
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int on = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        auto address = loopback(m_port);
        socklen_t length = sizeof address;
        if (::bind(m_listen, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0
            || ::listen(m_listen, 64) != 0
            || ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            m_error = "cannot listen on 127.0.0.1:" + std::to_string(m_port) + ": " + std::strerror(errno);
            ::close(m_listen);
            m_listen = -1;
            return false;
        }
        m_port = ntohs(address.sin_port);
        return true;
    }

    static sockaddr_in loopback(int port)
    {
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(uint16_t(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return a;
    }
    void wake() const
    {
        if (m_wake[1] >= 0) [[maybe_unused]]
            auto n = ::write(m_wake[1], "x", 1);
    }
    static void closeLink(Link& link)
    {
        for (int* fd : { &link.client, &link.broker })
            if (*fd >= 0) {
                ::close(*fd);
                *fd = -1;
            }
    }
    // Reads what is there; false at end of stream or on an error.
    static bool drain(int fd, std::string& into)
    {
        char buffer[65536];
        for (;;) {
            const auto n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) {
                into.append(buffer, size_t(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return true;
            if (n < 0 && errno == EINTR)
                continue;
            return false;
        }
    }
    // Writes what the socket takes; false on an error.
    static bool push(int fd, std::string& bytes)
    {
        while (!bytes.empty()) {
            const auto n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n > 0) {
                bytes.erase(0, size_t(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return true;
            if (n < 0 && errno == EINTR)
                continue;
            return false;
        }
        return true;
    }

    void accept(Mode mode)
    {
        for (;;) {
            const int client = ::accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (client < 0)
                return;
            ++m_accepted;
            Link link;
            link.client = client;
            if (mode != Mode::Blackhole) {
                // Blocking connect to the listener on this machine: immediate.
                const int broker = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
                const auto target = loopback(m_targetPort);
                if (::connect(broker, reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
                    ::close(broker);
                    ::close(client);
                    continue;
                }
                ::fcntl(broker, F_SETFL, ::fcntl(broker, F_GETFL) | O_NONBLOCK);
                link.broker = broker;
            }
            m_links.push_back(std::move(link));
        }
    }

    void run()
    {
        while (!m_stop) {
            Mode mode;
            std::chrono::milliseconds delay;
            {
                std::lock_guard lock(m_mutex);
                mode = m_mode;
                delay = m_delay;
                if (m_reset) {
                    for (auto& link : m_links)
                        closeLink(link);
                    m_links.clear();
                    m_reset = false;
                }
                if (mode == Mode::Refuse && m_listen >= 0) {
                    ::close(m_listen);
                    m_listen = -1;
                } else if (mode != Mode::Refuse && m_listen < 0) {
                    listen();
                }
                if (m_applied != m_asked) {
                    m_applied = m_asked;
                    m_appliedChanged.notify_all();
                }
            }
            const auto now = Clock::now();
            int timeoutMs = 200;
            std::vector<pollfd> fds { { m_listen, POLLIN, 0 }, { m_wake[0], POLLIN, 0 } };
            for (const auto& link : m_links) {
                short clientEvents = POLLIN;
                if (!link.toClient.empty()) {
                    if (link.toClient.front().due <= now)
                        clientEvents |= POLLOUT;
                    else
                        timeoutMs = std::min<int>(timeoutMs,
                            int(std::chrono::duration_cast<std::chrono::milliseconds>(link.toClient.front().due - now)
                                    .count())
                                + 1);
                }
                fds.push_back({ link.client, clientEvents, 0 });
                if (link.broker >= 0)
                    fds.push_back({ link.broker, short(POLLIN | (link.toBroker.empty() ? 0 : POLLOUT)), 0 });
            }
            if (::poll(fds.data(), fds.size(), timeoutMs) < 0 && errno != EINTR)
                return;
            if (fds[1].revents & POLLIN) {
                char sink[64];
                while (::read(m_wake[0], sink, sizeof sink) > 0) { }
            }
            if (m_stop)
                break;
            {
                std::lock_guard lock(m_mutex);
                if (m_reset)
                    continue; // the connections of the old mode are closed first
            }
            size_t at = 2;
            const auto arrival = Clock::now();
            for (auto& link : m_links) {
                const short clientEvents = fds[at++].revents;
                const short brokerEvents = link.broker >= 0 ? fds[at++].revents : 0;
                bool alive = true;
                if (clientEvents & (POLLIN | POLLHUP | POLLERR)) {
                    std::string got;
                    alive = drain(link.client, got);
                    if (link.broker >= 0)
                        link.toBroker += got; // blackholed: read and dropped
                }
                if (alive && link.broker >= 0 && (brokerEvents & (POLLIN | POLLHUP | POLLERR))) {
                    Chunk chunk { {}, arrival + (mode == Mode::Delay ? delay : std::chrono::milliseconds(0)) };
                    alive = drain(link.broker, chunk.bytes);
                    if (!chunk.bytes.empty())
                        link.toClient.push_back(std::move(chunk));
                }
                if (alive && link.broker >= 0 && !link.toBroker.empty())
                    alive = push(link.broker, link.toBroker);
                while (alive && !link.toClient.empty() && link.toClient.front().due <= Clock::now()) {
                    alive = push(link.client, link.toClient.front().bytes);
                    if (!link.toClient.front().bytes.empty())
                        break; // the socket is full: the rest when it can take more
                    link.toClient.pop_front();
                }
                if (!alive)
                    closeLink(link);
            }
            std::erase_if(m_links, [](const Link& link) { return link.client < 0; });
            if (fds[0].revents & POLLIN)
                accept(mode);
        }
        for (auto& link : m_links)
            closeLink(link);
        std::lock_guard lock(m_mutex);
        m_applied = m_asked;
        m_appliedChanged.notify_all();
    }

    const int m_targetPort;
    int m_port;
    int m_listen = -1;
    int m_wake[2] = { -1, -1 };
    std::string m_error;
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_accepted { 0 };
    std::mutex m_mutex;
    Mode m_mode = Mode::Relay;
    std::chrono::milliseconds m_delay { 0 };
    bool m_reset = false;
    long m_asked = 0; // setMode calls
    long m_applied = 0; // of those, applied by the proxy thread
    std::condition_variable m_appliedChanged;
    std::vector<Link> m_links;
};

} // namespace kafscope::itest
