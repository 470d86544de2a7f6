#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace madoguchi::core {

// Bytes that must not outlive their use: PINs, keys, card numbers (style.md: "Errors and secrets").
// Move-only, so there is never a second copy that nobody wipes; locked in memory where the OS allows
// it; overwritten when destroyed, cleared, or grown. Deliberately *not* a QByteArray: a QByteArray's
// implicit sharing would make wiping one copy leave another untouched.
class SecureBytes final
{
public:
    SecureBytes() noexcept = default;
    explicit SecureBytes(std::size_t size); // zero-filled
    SecureBytes(const void* data, std::size_t size);
    explicit SecureBytes(QByteArrayView bytes) : SecureBytes(bytes.data(), static_cast<std::size_t>(bytes.size())) {}
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    // An explicit copy, for the rare place that must keep two (a test, a re-wrap).
    [[nodiscard]] SecureBytes clone() const { return SecureBytes(m_data, m_size); }

    [[nodiscard]] std::uint8_t* data() noexcept { return m_data; }
    [[nodiscard]] const std::uint8_t* data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool isEmpty() const noexcept { return m_size == 0; }
    [[nodiscard]] std::uint8_t operator[](std::size_t i) const noexcept { return m_data[i]; }
    [[nodiscard]] std::uint8_t& operator[](std::size_t i) noexcept { return m_data[i]; }
    // A view for reading without copying; valid while this object lives and is not modified.
    [[nodiscard]] QByteArrayView view() const noexcept
    {
        return QByteArrayView(reinterpret_cast<const char*>(m_data), static_cast<qsizetype>(m_size));
    }

    void append(const void* data, std::size_t size);
    void append(QByteArrayView bytes) { append(bytes.data(), static_cast<std::size_t>(bytes.size())); }
    void append(std::uint8_t byte) { append(&byte, 1); }
    void append(const SecureBytes& other) { append(other.data(), other.size()); }
    void clear() noexcept;

    // Constant-time comparison (length is not secret).
    [[nodiscard]] bool equals(const SecureBytes& other) const noexcept;

private:
    void reserveExact(std::size_t capacity);

    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

} // namespace madoguchi::core
