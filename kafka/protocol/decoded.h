#pragma once
// Result of decoding bytes from the wire: a value, or a sentence saying where and why the bytes were malformed.
#include <QString>
#include <optional>
#include <utility>

namespace kafscope::protocol {

template <typename T> class Decoded
{
public:
    Decoded(T value)
        : m_value(std::move(value))
    { }
    static Decoded failure(const QString& error)
    {
        Decoded d;
        d.m_error = error;
        return d;
    }
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    const QString& error() const { return m_error; }

private:
    Decoded() = default;
    std::optional<T> m_value;
    QString m_error;
};

} // namespace kafscope::protocol
