"""A small writer of Compound File Binary files ([MS-CFB], version 3) and of
Outlook items on top of it ([MS-OXMSG]), for test fixtures. No Debian tool
writes .msg files, and the public samples hold real people's mail, so the
fixtures are made here (as scripts/pstwriter.py does for PST).

CFB: 512-byte sectors, the FAT located through the DIFAT array of the
header (up to 109 FAT sectors, ~7 MB: plenty for fixtures), streams under
4096 bytes in the mini stream (64-byte mini sectors, mini FAT), a directory
whose siblings form a binary search tree in the [MS-CFB] order (every node
black, which the specification allows). write_cfb() also returns where
everything went, so that a caller can damage a file on purpose.

MSG: the property stream (__properties_version1.0, a header of 32 bytes
for the top-level message, 24 for an embedded one, 8 for recipients and
attachments, then 16 bytes per property), one __substg1.0_XXXXYYYY stream
per variable-length property, recipient and attachment storages, embedded
messages (attach method 5, storage __substg1.0_3701000D) and the named
property mapping storage (__nameid_version1.0, with empty streams).

RTF: compress_rtf() writes PR_RTF_COMPRESSED per [MS-OXRTFCP] ("LZFu",
the 207-byte preloaded dictionary, references of 2 to 17 bytes into a
4096-byte ring, the end reference, the CRC over the compressed bytes);
decompress_rtf() reads it back and checks the CRC.
"""
import struct
import zlib

SECTOR = 512
MINI = 64
MINI_CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT, DIFSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC
NOSTREAM = 0xFFFFFFFF
SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


class Storage:
    """A storage: children by name, each a Storage or bytes (a stream)."""

    def __init__(self, clsid=b"\0" * 16):
        self.children = {}
        self.clsid = clsid

    def __setitem__(self, name, value):
        assert len(name) <= 31, name
        self.children[name] = value

    def __getitem__(self, name):
        return self.children[name]


def _sort_key(name):
    """[MS-CFB] 2.6.4: shorter names first, then by upper-cased code units."""
    return (len(name.encode("utf-16-le")), name.upper())


class Layout:
    """Where write_cfb put things: sector numbers and directory entries."""

    def __init__(self):
        self.entries = []      # (path, entry index)
        self.index = {}        # path -> directory entry index
        self.chains = {}       # path -> list of sectors (regular) or mini sectors
        self.in_mini = {}      # path -> bool
        self.fat_sectors = []
        self.dir_sectors = []
        self.minifat_sectors = []
        self.ministream_sectors = []

    @staticmethod
    def sector_offset(sector):
        return SECTOR * (sector + 1)

    def fat_entry_offset(self, sector):
        """File offset of the FAT entry of a regular sector."""
        fs = self.fat_sectors[sector // (SECTOR // 4)]
        return self.sector_offset(fs) + 4 * (sector % (SECTOR // 4))

    def dir_entry_offset(self, index):
        ds = self.dir_sectors[index // (SECTOR // 128)]
        return self.sector_offset(ds) + 128 * (index % (SECTOR // 128))


def write_cfb(root, root_clsid=None):
    """Returns (bytes of the file, Layout)."""
    lay = Layout()
    # Directory entries, breadth first: (name, kind, obj, path).
    entries = [["Root Entry", 5, root, ""]]
    children_of = {}
    queue = [0]
    while queue:
        i = queue.pop(0)
        obj, path = entries[i][2], entries[i][3]
        kids = []
        for name in sorted(obj.children, key=_sort_key):
            value = obj.children[name]
            kind = 1 if isinstance(value, Storage) else 2
            entries.append([name, kind, value, path + "/" + name if path else name])
            kids.append(len(entries) - 1)
            if kind == 1:
                queue.append(len(entries) - 1)
        children_of[i] = kids
    left = [NOSTREAM] * len(entries)
    right = [NOSTREAM] * len(entries)
    child = [NOSTREAM] * len(entries)

    def tree(ids):
        if not ids:
            return NOSTREAM
        mid = len(ids) // 2
        left[ids[mid]] = tree(ids[:mid])
        right[ids[mid]] = tree(ids[mid + 1:])
        return ids[mid]

    for i, kids in children_of.items():
        child[i] = tree(kids)
    for i, e in enumerate(entries):
        lay.index[e[3]] = i

    # Stream data: big streams in sectors, small ones in the mini stream.
    sectors = []           # list of 512-byte blocks after the header
    fat = []

    def alloc(data, kind=None):
        n = (len(data) + SECTOR - 1) // SECTOR
        first = len(sectors)
        chain = list(range(first, first + n))
        for k in range(n):
            sectors.append(data[k * SECTOR:(k + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + k + 1 if k + 1 < n else ENDOFCHAIN)
        return chain

    ministream = bytearray()
    minifat = []
    start = [ENDOFCHAIN] * len(entries)
    size = [0] * len(entries)
    for i, e in enumerate(entries):
        if e[1] != 2:
            continue
        data = e[2]
        size[i] = len(data)
        if not data:
            lay.chains[e[3]] = []
            lay.in_mini[e[3]] = len(data) < MINI_CUTOFF
            continue
        if len(data) < MINI_CUTOFF:
            n = (len(data) + MINI - 1) // MINI
            first = len(ministream) // MINI
            ministream += data.ljust(n * MINI, b"\0")
            minifat += [first + k + 1 if k + 1 < n else ENDOFCHAIN for k in range(n)]
            start[i] = first
            lay.chains[e[3]] = list(range(first, first + n))
            lay.in_mini[e[3]] = True
        else:
            chain = alloc(data)
            start[i] = chain[0]
            lay.chains[e[3]] = chain
            lay.in_mini[e[3]] = False
    if ministream:
        lay.ministream_sectors = alloc(bytes(ministream))
        start[0] = lay.ministream_sectors[0]
        size[0] = len(ministream)
    if minifat:
        mf = b"".join(struct.pack("<I", x) for x in minifat)
        mf += b"\xff\xff\xff\xff" * ((-len(minifat)) % (SECTOR // 4))
        lay.minifat_sectors = alloc(mf)

    # Directory sectors.
    dirdata = bytearray()
    for i, e in enumerate(entries):
        name = e[0].encode("utf-16-le") + b"\0\0"
        clsid = e[2].clsid if e[1] in (1, 5) else b"\0" * 16
        if i == 0 and root_clsid:
            clsid = root_clsid
        dirdata += struct.pack("<64sHBBIII16sIQQIQ", name, len(name), e[1], 1,
                               left[i], right[i], child[i], clsid, 0, 0, 0,
                               start[i], size[i])
    while len(dirdata) % SECTOR:
        dirdata += struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM,
                               NOSTREAM, b"\0" * 16, 0, 0, 0, 0, 0)
    lay.dir_sectors = alloc(bytes(dirdata))

    # FAT sectors: enough to cover every sector including themselves.
    nfat = 1
    while (len(sectors) + nfat) > nfat * (SECTOR // 4):
        nfat += 1
    assert nfat <= 109, "file too large for a header-only DIFAT"
    first_fat = len(sectors)
    lay.fat_sectors = list(range(first_fat, first_fat + nfat))
    fat += [FATSECT] * nfat
    fat += [FREESECT] * (nfat * (SECTOR // 4) - len(fat))
    fatdata = b"".join(struct.pack("<I", x) for x in fat)
    for k in range(nfat):
        sectors.append(fatdata[k * SECTOR:(k + 1) * SECTOR])

    difat = lay.fat_sectors + [FREESECT] * (109 - nfat)
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", SIGNATURE, b"\0" * 16, 0x3E, 3, 0xFFFE,
                         9, 6, b"\0" * 6, 0, nfat, lay.dir_sectors[0], 0, MINI_CUTOFF,
                         lay.minifat_sectors[0] if minifat else ENDOFCHAIN,
                         len(lay.minifat_sectors), ENDOFCHAIN, 0)
    header += b"".join(struct.pack("<I", x) for x in difat)
    assert len(header) == SECTOR
    for i, e in enumerate(entries):
        lay.entries.append((e[3], i))
    return header + b"".join(sectors), lay


# ---- Outlook items -------------------------------------------------------------

PT_INT32, PT_BOOL, PT_SYSTIME = 0x0003, 0x000B, 0x0040
PT_STRING, PT_BINARY, PT_OBJECT = 0x001F, 0x0102, 0x000D
FIXED = (PT_INT32, PT_BOOL, PT_SYSTIME)

# Property ids used here.
PR_MESSAGE_CLASS = 0x001A
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_TRANSPORT_MESSAGE_HEADERS = 0x007D
PR_RECIPIENT_TYPE = 0x0C15
PR_SENDER_NAME = 0x0C1A
PR_SENDER_ADDRTYPE = 0x0C1E
PR_SENDER_EMAIL_ADDRESS = 0x0C1F
PR_DISPLAY_TO = 0x0E04
PR_MESSAGE_FLAGS = 0x0E07
PR_ATTACH_NUM = 0x0E21
PR_BODY = 0x1000
PR_RTF_COMPRESSED = 0x1009
PR_INTERNET_MESSAGE_ID = 0x1035
PR_ROWID = 0x3000
PR_DISPLAY_NAME = 0x3001
PR_ADDRTYPE = 0x3002
PR_EMAIL_ADDRESS = 0x3003
PR_ATTACH_DATA = 0x3701
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_RENDERING_POSITION = 0x370B
PR_ATTACH_MIME_TAG = 0x370E
PR_SMTP_ADDRESS = 0x39FE
PR_STORE_SUPPORT_MASK = 0x340D
PR_SENT_REPRESENTING_NAME = 0x0042
PR_SENDER_SMTP_ADDRESS = 0x5D01
PR_MESSAGE_DELIVERY_TIME = 0x0E06

STORE_UNICODE_OK = 0x00040000
MSGFLAG_READ = 0x1


def filetime(unix):
    return (unix + 11644473600) * 10_000_000


class Props:
    """The properties of one object, in the order given."""

    def __init__(self):
        self.items = []   # (id, type, value)

    def add(self, pid, ptype, value):
        self.items.append((pid, ptype, value))
        return self

    def string(self, pid, text):
        return self.add(pid, PT_STRING, text)

    def int32(self, pid, n):
        return self.add(pid, PT_INT32, n)

    def binary(self, pid, data):
        return self.add(pid, PT_BINARY, data)

    def fill(self, storage, header):
        """Writes the property stream and the value streams into storage."""
        body = bytearray(header)
        for pid, ptype, value in self.items:
            tag = (pid << 16) | ptype
            flags = 0x6  # readable | writable
            if ptype in FIXED:
                if ptype == PT_SYSTIME:
                    raw = struct.pack("<Q", value)
                elif ptype == PT_BOOL:
                    raw = struct.pack("<HHI", 1 if value else 0, 0, 0)
                else:
                    raw = struct.pack("<iI", value, 0) if value < 0x80000000 and value >= -0x80000000 \
                        else struct.pack("<II", value, 0)
                body += struct.pack("<II", tag, flags) + raw
            elif ptype == PT_OBJECT:
                body += struct.pack("<IIII", tag, flags, 0xFFFFFFFF, 0)
            else:
                data = value.encode("utf-16-le") if ptype == PT_STRING else bytes(value)
                storage["__substg1.0_%08X" % tag] = data
                size = len(data) + 2 if ptype == PT_STRING else len(data)
                body += struct.pack("<IIII", tag, flags, size, 0)
        storage["__properties_version1.0"] = bytes(body)


class Attachment:
    def __init__(self, filename=None, data=None, message=None, mime=None):
        self.filename, self.data, self.message, self.mime = filename, data, message, mime
        self.extra = Props()


class Recipient:
    def __init__(self, name, address, kind=1):
        self.name, self.address, self.kind = name, address, kind


class Message:
    """An Outlook item: properties, recipients, attachments."""

    def __init__(self, subject=None, sender_name=None, sender_address=None, body=None,
                 rtf=None, headers=None, message_id=None, sent=1700000000, lean=False):
        self.subject, self.sender_name, self.sender_address = subject, sender_name, sender_address
        self.body, self.rtf, self.headers, self.message_id = body, rtf, headers, message_id
        self.sent = sent
        self.lean = lean          # only the property stream, with PR_MESSAGE_FLAGS
        self.recipients = []
        self.attachments = []
        self.extra = Props()

    def props(self):
        p = Props()
        if self.lean:
            return p.int32(PR_MESSAGE_FLAGS, MSGFLAG_READ)
        p.string(PR_MESSAGE_CLASS, "IPM.Note")
        p.int32(PR_MESSAGE_FLAGS, MSGFLAG_READ)
        p.int32(PR_STORE_SUPPORT_MASK, STORE_UNICODE_OK)
        p.add(PR_CLIENT_SUBMIT_TIME, PT_SYSTIME, filetime(self.sent))
        p.add(PR_MESSAGE_DELIVERY_TIME, PT_SYSTIME, filetime(self.sent + 60))
        if self.subject is not None:
            p.string(PR_SUBJECT, self.subject)
        if self.sender_name:
            p.string(PR_SENDER_NAME, self.sender_name)
            p.string(PR_SENT_REPRESENTING_NAME, self.sender_name)
        if self.sender_address:
            p.string(PR_SENDER_ADDRTYPE, "SMTP")
            p.string(PR_SENDER_EMAIL_ADDRESS, self.sender_address)
            p.string(PR_SENDER_SMTP_ADDRESS, self.sender_address)
        to = [r.name for r in self.recipients if r.kind == 1]
        if to:
            p.string(PR_DISPLAY_TO, "; ".join(to))
        if self.body is not None:
            p.string(PR_BODY, self.body)
        if self.rtf is not None:
            p.binary(PR_RTF_COMPRESSED, compress_rtf(self.rtf))
        if self.headers is not None:
            p.string(PR_TRANSPORT_MESSAGE_HEADERS, self.headers)
        if self.message_id is not None:
            p.string(PR_INTERNET_MESSAGE_ID, self.message_id)
        p.items += self.extra.items
        return p

    def fill(self, storage, embedded):
        n_r, n_a = len(self.recipients), len(self.attachments)
        if embedded:
            header = struct.pack("<8sIIII", b"", n_r, n_a, n_r, n_a)
        else:
            header = struct.pack("<8sIIII8s", b"", n_r, n_a, n_r, n_a, b"")
        self.props().fill(storage, header)
        for i, r in enumerate(self.recipients):
            s = Storage()
            p = Props()
            p.int32(PR_ROWID, i).int32(PR_RECIPIENT_TYPE, r.kind)
            p.string(PR_DISPLAY_NAME, r.name).string(PR_ADDRTYPE, "SMTP")
            p.string(PR_EMAIL_ADDRESS, r.address).string(PR_SMTP_ADDRESS, r.address)
            p.fill(s, b"\0" * 8)
            storage["__recip_version1.0_#%08X" % i] = s
        for i, a in enumerate(self.attachments):
            s = Storage()
            p = Props()
            p.int32(PR_ATTACH_NUM, i)
            if not (a.message is not None and self.lean):
                p.int32(PR_RENDERING_POSITION, 0xFFFFFFFF)
            if a.message is not None:
                p.int32(PR_ATTACH_METHOD, 5)
                if a.filename:
                    p.string(PR_DISPLAY_NAME, a.filename)
                p.add(PR_ATTACH_DATA, PT_OBJECT, None)
                inner = Storage()
                a.message.fill(inner, embedded=True)
                s["__substg1.0_3701000D"] = inner
            else:
                p.int32(PR_ATTACH_METHOD, 1)
                p.string(PR_ATTACH_FILENAME, short_name(a.filename))
                p.string(PR_ATTACH_LONG_FILENAME, a.filename)
                p.string(PR_DISPLAY_NAME, a.filename)
                if a.mime:
                    p.string(PR_ATTACH_MIME_TAG, a.mime)
                p.binary(PR_ATTACH_DATA, a.data)
            p.items += a.extra.items
            p.fill(s, b"\0" * 8)
            storage["__attach_version1.0_#%08X" % i] = s
        if not embedded:
            ns = Storage()
            for tag in ("00020102", "00030102", "00040102"):
                ns["__substg1.0_" + tag] = b""
            storage["__nameid_version1.0"] = ns

    def storage(self):
        root = Storage(clsid=bytes.fromhex("0B0D020000000000C000000000000046"))
        self.fill(root, embedded=False)
        return root

    def to_bytes(self):
        return write_cfb(self.storage())[0]


def short_name(name):
    base, dot, ext = name.rpartition(".")
    if not dot:
        base, ext = name, ""
    base = "".join(c for c in base.upper() if c.isalnum())[:6] + "~1"
    return base + ("." + ext.upper()[:3] if ext else "")


# ---- compressed RTF ([MS-OXRTFCP]) --------------------------------------------

RTF_PRELOAD = (
    b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman "
    b"\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
    b"{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")
assert len(RTF_PRELOAD) == 207
COMPRESSED, UNCOMPRESSED = 0x75465A4C, 0x414C454D   # "LZFu", "MELA"


def rtf_crc(data):
    """[MS-OXRTFCP] 2.1.3.2: CRC-32, initial value 0, no final inversion."""
    return zlib.crc32(data, 0xFFFFFFFF) ^ 0xFFFFFFFF


def compress_rtf(raw):
    """Greedy LZ77 over the 4096-byte ring: the longest match (2..17 bytes)
    in the last 4095 bytes written, which may run into the bytes it copies."""
    buf = bytearray(RTF_PRELOAD)    # every byte written, preload first
    index = {}                       # 2-byte prefix -> positions in buf
    for p in range(len(buf) - 1):
        index.setdefault(bytes(buf[p:p + 2]), []).append(p)
    out = bytearray()
    pos = 0
    control_at, bit = None, 8
    tokens = 0

    def token(flag, data):
        nonlocal control_at, bit
        if bit == 8:
            control_at = len(out)
            out.append(0)
            bit = 0
        if flag:
            out[control_at] |= 1 << bit
        out.extend(data)
        bit += 1

    while pos < len(raw):
        n = len(buf)
        best_len, best_at = 0, 0
        if pos + 1 < len(raw):
            for s in reversed(index.get(bytes(raw[pos:pos + 2]), [])):
                if s < n - 4095:
                    break
                k = 0
                while k < 17 and pos + k < len(raw):
                    src = buf[s + k] if s + k < n else raw[pos + (s + k - n)]
                    if src != raw[pos + k]:
                        break
                    k += 1
                if k > best_len:
                    best_len, best_at = k, s
                    if k == 17:
                        break
        if best_len >= 2:
            off = best_at % 4096
            token(1, struct.pack(">H", (off << 4) | (best_len - 2)))
            tokens += 1
            take = raw[pos:pos + best_len]
        else:
            token(0, raw[pos:pos + 1])
            take = raw[pos:pos + 1]
        for b in take:
            buf.append(b)
            p = len(buf) - 2
            index.setdefault(bytes(buf[p:p + 2]), []).append(p)
        pos += len(take)
    # The end: a reference to the write position itself.
    token(1, struct.pack(">H", (len(buf) % 4096) << 4))
    data = bytes(out)
    header = struct.pack("<IIII", len(data) + 12, len(raw), COMPRESSED, rtf_crc(data))
    compress_rtf.references = tokens
    return header + data


def decompress_rtf(blob):
    """[MS-OXRTFCP] 2.2: the ring dictionary, stopping at the end reference."""
    comp_size, raw_size, magic, crc = struct.unpack_from("<IIII", blob)
    data = blob[16:4 + comp_size]
    if magic == UNCOMPRESSED:
        return data[:raw_size]
    if magic != COMPRESSED:
        raise ValueError("not compressed RTF")
    if rtf_crc(data) != crc:
        raise ValueError("CRC mismatch")
    ring = bytearray(4096)
    ring[:207] = RTF_PRELOAD
    w = 207
    out = bytearray()
    i = 0
    while i < len(data):
        control = data[i]
        i += 1
        for b in range(8):
            if i >= len(data):
                break
            if control & (1 << b):
                word = struct.unpack_from(">H", data, i)[0]
                i += 2
                off, length = word >> 4, (word & 0xF) + 2
                if off == w:
                    return bytes(out)
                for k in range(length):
                    c = ring[(off + k) % 4096]
                    out.append(c)
                    ring[w] = c
                    w = (w + 1) % 4096
            else:
                out.append(data[i])
                ring[w] = data[i]
                w = (w + 1) % 4096
                i += 1
    return bytes(out)
