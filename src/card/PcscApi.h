#pragma once

// PRIVATE to the PC/SC backend: include only from its .cpp files (style.md: C headers stay out of
// public headers). The one place where pcsc-lite and WinSCard differ.
//
// Reader names are handled as narrow UTF-8 strings. pcsc-lite is UTF-8 throughout; on Windows the
// "A" entry points are used whatever UNICODE says, and the application manifest sets
// activeCodePage=UTF-8 so that they, too, yield UTF-8 (Windows 10 1903+).

#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX // keep std::min/std::max usable
#endif
#include <windows.h>
#include <winscard.h>
#else
#include <winscard.h> // pcsc-lite, found through pkg-config's -I.../PCSC
#endif

namespace madoguchi::card::pcsc {

#ifdef _WIN32
using ReaderStateRecord = SCARD_READERSTATEA;
inline LONG listReaders(SCARDCONTEXT context, LPSTR buffer, LPDWORD length)
{
    return SCardListReadersA(context, nullptr, buffer, length);
}
inline LONG getStatusChange(SCARDCONTEXT context, DWORD timeout, ReaderStateRecord* states, DWORD count)
{
    return SCardGetStatusChangeA(context, timeout, states, count);
}
inline LONG connect(SCARDCONTEXT context, LPCSTR reader, DWORD share, DWORD protocols, LPSCARDHANDLE card,
                    LPDWORD active)
{
    return SCardConnectA(context, reader, share, protocols, card, active);
}
inline LONG status(SCARDHANDLE card, LPDWORD state, LPDWORD protocol, LPBYTE atr, LPDWORD atrLength)
{
    DWORD namesLength = 0;
    return SCardStatusA(card, nullptr, &namesLength, state, protocol, atr, atrLength);
}
#else
using ReaderStateRecord = SCARD_READERSTATE;
inline LONG listReaders(SCARDCONTEXT context, LPSTR buffer, LPDWORD length)
{
    return SCardListReaders(context, nullptr, buffer, length);
}
inline LONG getStatusChange(SCARDCONTEXT context, DWORD timeout, ReaderStateRecord* states, DWORD count)
{
    return SCardGetStatusChange(context, timeout, states, count);
}
inline LONG connect(SCARDCONTEXT context, LPCSTR reader, DWORD share, DWORD protocols, LPSCARDHANDLE card,
                    LPDWORD active)
{
    return SCardConnect(context, reader, share, protocols, card, active);
}
inline LONG status(SCARDHANDLE card, LPDWORD state, LPDWORD protocol, LPBYTE atr, LPDWORD atrLength)
{
    DWORD namesLength = 0;
    return SCardStatus(card, nullptr, &namesLength, state, protocol, atr, atrLength);
}
#endif

// The pseudo reader that reports reader arrival and removal (pcsc-lite ≥ 1.6 and WinSCard).
inline constexpr char PnpNotification[] = "\\\\?PnP?\\Notification";

inline SCARDCONTEXT toContext(quintptr handle)
{
    return static_cast<SCARDCONTEXT>(handle);
}
inline SCARDHANDLE toCard(quintptr handle)
{
    return static_cast<SCARDHANDLE>(handle);
}

} // namespace madoguchi::card::pcsc
