#pragma once

#include "core/Result.h"

#include <QtGlobal>

#include <cstdint>

namespace madoguchi::pki {

// One DER tag-length-value header, with absolute byte offsets into the walked buffer.
struct CrlTlv
{
    quint8 tag = 0;
    qint64 offset = 0;        // of the tag byte
    qint64 contentOffset = 0; // first content byte
    qint64 length = 0;        // content length
    [[nodiscard]] qint64 end() const { return contentOffset + length; }
};

// A bounds-checked forward reader of DER (X.690 §8.1, §10.1) over [begin, end) of one buffer. It never
// reads outside that range, accepts definite lengths only (no indefinite form, no non-minimal length
// encodings, no high-tag-number form) and reports every failure as Errc::MalformedDer with the byte
// offset. Copyable and cheap: `enter()` gives a child walker over one TLV's content. Recursion depth
// is bounded by the caller's fixed CRL grammar (RFC 5280 §5.1), never by the input.
class CrlDerWalker final
{
public:
    CrlDerWalker(const uchar* base, qint64 begin, qint64 end) : m_base(base), m_pos(begin), m_end(end) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_end; }
    [[nodiscard]] qint64 position() const { return m_pos; }
    [[nodiscard]] qint64 endOffset() const { return m_end; }
    [[nodiscard]] const uchar* base() const { return m_base; }
    [[nodiscard]] int peekTag() const { return m_pos < m_end ? m_base[m_pos] : -1; }

    // Reads the next TLV header and skips its content.
    [[nodiscard]] core::Result<CrlTlv> next()
    {
        CrlTlv tlv;
        if (!readHeader(tlv)) {
            return core::fail(m_error);
        }
        return tlv;
    }

    // Reads the next TLV and checks its tag; `what` names the field for the error detail.
    [[nodiscard]] core::Result<CrlTlv> expect(quint8 tag, const char* what)
    {
        CrlTlv tlv;
        if (!readHeader(tlv)) {
            return core::fail(m_error);
        }
        if (tlv.tag != tag) {
            return core::fail(errorAt(tlv.offset, what, "unexpected tag"));
        }
        return tlv;
    }

    // Hot-path variant for the revoked-certificate loop: no Result, the error is kept in lastError().
    [[nodiscard]] bool readHeader(CrlTlv& tlv)
    {
        if (m_end - m_pos < 2) {
            return failHere("truncated TLV header");
        }
        tlv.offset = m_pos;
        tlv.tag = m_base[m_pos];
        if ((tlv.tag & 0x1F) == 0x1F) {
            return failHere("high-tag-number form not allowed");
        }
        const quint8 first = m_base[m_pos + 1];
        qint64 pos = m_pos + 2;
        qint64 length = first;
        if (first & 0x80) {
            const int count = first & 0x7F;
            if (count == 0 || count > 4) {
                return failHere(count == 0 ? "indefinite length not allowed" : "length too large");
            }
            if (m_end - pos < count) {
                return failHere("truncated length");
            }
            length = 0;
            for (int i = 0; i < count; ++i) {
                length = (length << 8) | m_base[pos + i];
            }
            // DER: the shortest form (X.690 §10.1).
            if (length < 0x80 || m_base[pos] == 0) {
                return failHere("non-minimal length encoding");
            }
            pos += count;
        }
        if (length > m_end - pos) {
            return failHere("length exceeds the enclosing element");
        }
        tlv.contentOffset = pos;
        tlv.length = length;
        m_pos = pos + length;
        return true;
    }

    [[nodiscard]] CrlDerWalker enter(const CrlTlv& tlv) const { return {m_base, tlv.contentOffset, tlv.end()}; }

    // Fails unless every byte of this walker's range was consumed.
    [[nodiscard]] core::Result<void> expectEnd(const char* what) const;

    [[nodiscard]] const core::Error& lastError() const { return m_error; }
    [[nodiscard]] static core::Error errorAt(qint64 offset, const char* what, const char* why);

private:
    [[gnu::cold]] bool failHere(const char* why);

    const uchar* m_base;
    qint64 m_pos;
    qint64 m_end;
    core::Error m_error;
};

} // namespace madoguchi::pki
