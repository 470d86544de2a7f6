#include "core/SecureBytes.h"

#include "os/SecureMemory.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

namespace madoguchi::core {

namespace {

std::uint8_t* allocateLocked(std::size_t capacity)
{
    if (capacity == 0) {
        return nullptr;
    }
    auto* data = new std::uint8_t[capacity]();
    os::lockMemory(data, capacity); // best effort: wiping does not depend on it
    return data;
}

void releaseWiped(std::uint8_t* data, std::size_t capacity) noexcept
{
    if (data == nullptr) {
        return;
    }
    os::secureZero(data, capacity);
    os::unlockMemory(data, capacity);
    delete[] data;
}

} // namespace

SecureBytes::SecureBytes(std::size_t size) : m_data(allocateLocked(size)), m_size(size), m_capacity(size) {}

SecureBytes::SecureBytes(const void* data, std::size_t size) : SecureBytes(size)
{
    if (size != 0) {
        std::memcpy(m_data, data, size);
    }
}

SecureBytes::~SecureBytes()
{
    releaseWiped(m_data, m_capacity);
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0)),
      m_capacity(std::exchange(other.m_capacity, 0))
{
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        releaseWiped(m_data, m_capacity);
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
    }
    return *this;
}

void SecureBytes::reserveExact(std::size_t capacity)
{
    auto* grown = allocateLocked(capacity);
    if (m_size != 0) {
        std::memcpy(grown, m_data, m_size);
    }
    releaseWiped(m_data, m_capacity); // never leave the old copy behind
    m_data = grown;
    m_capacity = capacity;
}

void SecureBytes::append(const void* data, std::size_t size)
{
    if (size == 0) {
        return;
    }
    if (m_size + size > m_capacity) {
        reserveExact(std::max<std::size_t>(m_size + size, m_capacity * 2));
    }
    std::memcpy(m_data + m_size, data, size);
    m_size += size;
}

void SecureBytes::clear() noexcept
{
    releaseWiped(m_data, m_capacity);
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
}

bool SecureBytes::equals(const SecureBytes& other) const noexcept
{
    if (m_size != other.m_size) {
        return false;
    }
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < m_size; ++i) {
        diff |= static_cast<std::uint8_t>(m_data[i] ^ other.m_data[i]);
    }
    return diff == 0;
}

} // namespace madoguchi::core
