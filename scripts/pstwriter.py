"""A small writer of Outlook data files (Unicode PST, [MS-PST]) for test
fixtures: one folder under the root, messages with text properties, a plain
body and attachments. No tool on Debian writes PST files, and the public
samples hold real people's mail, so the fixture is made here.

Only what a reader needs is written: the header, one leaf page each for the
node and block B-trees, an allocation map page, and one data block per node
(property contexts and table contexts on a heap-on-node). Everything must
fit in one block of 8 KiB per node; nothing is encrypted.
"""
import struct
import zlib

PAGE = 512
BLOCK_MAX = 8176

# Property types.
PT_INT32, PT_BOOL, PT_STRING, PT_BINARY = 0x0003, 0x000B, 0x001F, 0x0102

# Node types and the fixed nodes.
NID_MESSAGE_STORE, NID_ROOT_FOLDER = 0x21, 0x122
NID_ATTACHMENT_TABLE = 0x671


def crc(data):
    """[MS-PST] 5.3: CRC-32 with no initial or final inversion."""
    return zlib.crc32(data, 0xFFFFFFFF) ^ 0xFFFFFFFF


def signature(ib, bid):
    x = ib ^ bid
    return ((x >> 16) ^ x) & 0xFFFF


def nid(index, kind):
    return (index << 5) | kind


def heap(client_sig, allocations, root_index):
    """A heap-on-node: allocations are byte strings, HIDs are index << 5."""
    body = bytearray(12)
    starts = []
    for a in allocations:
        starts.append(len(body))
        body += a
        if len(body) % 2:
            body += b"\0"
    starts.append(len(body))
    ib_pagemap = len(body)
    body += struct.pack("<HH", len(allocations), 0)
    body += b"".join(struct.pack("<H", s) for s in starts)
    struct.pack_into("<HBBII", body, 0, ib_pagemap, 0xEC, client_sig, root_index << 5, 0)
    return bytes(body)


class Heap:
    """Collects the allocations of one heap-on-node."""

    def __init__(self):
        self.allocs = []

    def add(self, data):
        self.allocs.append(bytes(data))
        return len(self.allocs) << 5  # the HID

    def bth(self, key_size, value_size, records):
        """A B-tree-on-heap of one leaf; returns the HID of its header."""
        root = self.add(b"".join(records)) if records else 0
        return self.add(struct.pack("<BBBBI", 0xB5, key_size, value_size, 0, root))


def value_cell(h, ptype, value):
    """The 4-byte cell of a property: inline or the HID of its data."""
    if ptype == PT_INT32:
        return struct.pack("<i", value)
    if ptype == PT_BOOL:
        return struct.pack("<I", 1 if value else 0)
    data = value.encode("utf-16-le") if ptype == PT_STRING else value
    return struct.pack("<I", h.add(data) if data else 0)


def property_context(props):
    """props: {prop_id: (type, value)}."""
    h = Heap()
    records = [struct.pack("<HH", pid, ptype) + value_cell(h, ptype, value)
               for pid, (ptype, value) in sorted(props.items())]
    root = h.bth(2, 6, records)
    return heap(0xBC, h.allocs, root >> 5)


def table_context(columns, rows):
    """columns: [(prop_id, type)] besides the row id and version; rows:
    [(row_id, {prop_id: value})]. Every cell is 4 bytes wide."""
    h = Heap()
    cols = [(0x67F2, PT_INT32), (0x67F3, PT_INT32)] + list(columns)
    width = 4 * len(cols)
    bitmap = (len(cols) + 7) // 8
    matrix = bytearray()
    for row_id, values in rows:
        cells = [struct.pack("<I", row_id), struct.pack("<I", 1)]
        present = [0, 1]
        for i, (pid, ptype) in enumerate(columns, 2):
            if pid in values:
                cells.append(value_cell(h, ptype, values[pid]))
                present.append(i)
            else:
                cells.append(b"\0\0\0\0")
        bits = bytearray(bitmap)
        for i in present:
            bits[i // 8] |= 0x80 >> (i % 8)
        matrix += b"".join(cells) + bits
    index = sorted((row_id, i) for i, (row_id, _) in enumerate(rows))
    row_index = h.bth(4, 4, [struct.pack("<II", row_id, i) for row_id, i in index])
    rows_hid = h.add(matrix) if rows else 0
    info = struct.pack("<BBHHHHIII", 0x7C, len(cols), width, width, width, width + bitmap,
                       row_index, rows_hid, 0)
    for i, (pid, ptype) in enumerate(cols):
        info += struct.pack("<IHBB", (pid << 16) | ptype, 4 * i, 4, i)
    root = h.add(info)
    return heap(0x7C, h.allocs, root >> 5)


class PstWriter:
    def __init__(self):
        self.nodes = []    # (nid, bid_data, bid_sub, nid_parent)
        self.blocks = []   # (bid, data)
        self.next_bid = 4

    def block(self, data, internal=False):
        if len(data) > BLOCK_MAX:
            raise ValueError("node data larger than one block")
        bid = self.next_bid | (2 if internal else 0)
        self.next_bid += 4
        self.blocks.append((bid, bytes(data)))
        return bid

    def node(self, node_id, data, parent=0, sub=0):
        self.nodes.append((node_id, self.block(data), sub, parent))

    def subnodes(self, entries):
        """An SLBLOCK: entries are (nid, data, sub_bid)."""
        body = struct.pack("<BBHI", 0x02, 0, len(entries), 0)
        for node_id, data, sub in sorted(entries):
            body += struct.pack("<QQQ", node_id, self.block(data), sub)
        return self.block(body, internal=True)

    def write(self, path):
        out = bytearray(0x4400)
        amap_ib = 0x4400
        out += bytes(PAGE)  # the allocation map, filled in below
        refs = []
        for bid, data in sorted(self.blocks):
            ib = len(out)
            size = (len(data) + 16 + 63) // 64 * 64
            blk = bytearray(size)
            blk[:len(data)] = data
            struct.pack_into("<HHIQ", blk, size - 16, len(data), signature(ib, bid), crc(data), bid)
            out += blk
            refs.append((bid, ib, len(data)))
        while len(out) % PAGE:
            out += b"\0"

        def page(entries, entry_size, ptype, bid):
            ib = len(out)
            body = bytearray(PAGE)
            body[:len(entries)] = entries
            struct.pack_into("<BBBB", body, 488, len(entries) // entry_size,
                             488 // entry_size, entry_size, 0)
            struct.pack_into("<BBHIQ", body, 496, ptype, ptype, signature(ib, bid),
                             crc(bytes(body[:496])), bid)
            out.extend(body)
            return ib

        nbt = b"".join(struct.pack("<QQQII", n, d, s, p, 0) for n, d, s, p in sorted(self.nodes))
        bbt = b"".join(struct.pack("<QQHHI", bid, ib, cb, 2, 0) for bid, ib, cb in refs)
        if len(self.nodes) > 15 or len(refs) > 20:
            raise ValueError("more nodes or blocks than one B-tree page holds")
        nbt_bid, bbt_bid = 0x10000, 0x10004
        nbt_ib = page(nbt, 32, 0x81, nbt_bid)
        bbt_ib = page(bbt, 24, 0x80, bbt_bid)
        eof = len(out)

        # Allocation map: one bit per 64 bytes from its own offset on.
        amap = bytearray(496)
        for slot in range((eof - amap_ib) // 64):
            amap[slot // 8] |= 0x80 >> (slot % 8)
        page_bytes = bytearray(PAGE)
        page_bytes[:496] = amap
        struct.pack_into("<BBHIQ", page_bytes, 496, 0x84, 0x84, 0, crc(bytes(amap)), amap_ib)
        out[amap_ib:amap_ib + PAGE] = page_bytes

        h = bytearray(564)
        struct.pack_into("<4sI", h, 0, b"!BDN", 0)
        struct.pack_into("<HHHBB", h, 8, 0x4D53, 23, 19, 1, 1)
        struct.pack_into("<QQI", h, 24, 0, 0x10008, 0x100)  # bidUnused, bidNextP, dwUnique
        for i in range(32):
            struct.pack_into("<I", h, 44 + 4 * i, 0x400)
        # ROOT at 180
        struct.pack_into("<IQQQQQQQQBBH", h, 180, 0, eof, amap_ib, 0, 0,
                         nbt_bid, nbt_ib, bbt_bid, bbt_ib, 2, 0, 0)
        h[256:384] = b"\xff" * 128
        h[384:512] = b"\xff" * 128
        struct.pack_into("<BBH", h, 512, 0x80, 0, 0)
        struct.pack_into("<Q", h, 516, self.next_bid)
        struct.pack_into("<I", h, 4, crc(bytes(h[8:8 + 471])))
        struct.pack_into("<I", h, 524, crc(bytes(h[8:8 + 516])))
        out[:564] = h
        with open(path, "wb") as f:
            f.write(out)


# ---- messaging layer: folders of items ------------------------------------

ATTACHMENT_COLUMNS = [(0x0E20, PT_INT32), (0x3704, PT_STRING), (0x3705, PT_INT32),
                      (0x3707, PT_STRING), (0x370B, PT_INT32)]
RECIPIENT_COLUMNS = [(0x0C15, PT_INT32), (0x3001, PT_STRING), (0x3002, PT_STRING),
                     (0x3003, PT_STRING)]
NID_RECIPIENT_TABLE = 0x692


def write_pst(path, folders, store_name="Outlook"):
    """folders: [(name, [item])]; an item is a dict with "class" (message
    class), "props" ({prop_id: (type, value)}), and optionally "body"
    (plain text), "html" (bytes), "recipients" ([(name, address)]) and
    "attachments" ([(file name, bytes)])."""
    w = PstWriter()
    w.node(NID_MESSAGE_STORE, property_context({0x3001: (PT_STRING, store_name),
                                                 0x0FF9: (PT_BINARY, bytes(range(16)))}))
    w.node(NID_ROOT_FOLDER, property_context({0x3001: (PT_STRING, ""),
                                               0x360A: (PT_BOOL, True)}),
           parent=NID_ROOT_FOLDER)
    folder_rows = []
    for f, (name, items) in enumerate(folders):
        folder = nid(0x401 + f, 0x02)
        folder_rows.append((folder, {0x3001: name}))
        w.node(folder, property_context({0x3001: (PT_STRING, name),
                                         0x3602: (PT_INT32, len(items)),
                                         0x360A: (PT_BOOL, False)}),
               parent=NID_ROOT_FOLDER)
        rows = []
        for i, item in enumerate(items):
            msg = nid(0x10000 + 0x100 * f + i, 0x04)
            rows.append((msg, {0x0037: item["props"].get(0x0037, (PT_STRING, ""))[1]}))
            props = dict(item["props"])
            props[0x001A] = (PT_STRING, item["class"])
            if "body" in item:
                props[0x1000] = (PT_STRING, item["body"])
            if "html" in item:
                props[0x1013] = (PT_BINARY, item["html"])
            sub = []
            if item.get("recipients"):
                sub.append((NID_RECIPIENT_TABLE, table_context(RECIPIENT_COLUMNS, [
                    (r, {0x0C15: 1, 0x3001: name_, 0x3002: "SMTP", 0x3003: address})
                    for r, (name_, address) in enumerate(item["recipients"])]), 0))
            if item.get("attachments"):
                att_rows = []
                for a, (file_name, data) in enumerate(item["attachments"]):
                    att = nid(0x401 + a, 0x05)
                    cells = {0x0E20: len(data), 0x3704: file_name, 0x3705: 1,
                             0x3707: file_name, 0x370B: -1}
                    att_rows.append((att, cells))
                    pc = {pid: (ptype, cells[pid]) for pid, ptype in ATTACHMENT_COLUMNS}
                    pc[0x3701] = (PT_BINARY, data)
                    sub.append((att, property_context(pc), 0))
                sub.append((NID_ATTACHMENT_TABLE, table_context(ATTACHMENT_COLUMNS, att_rows), 0))
                props[0x0E07] = (PT_INT32, 0x10)  # has attachments
            w.node(msg, property_context(props), parent=folder,
                   sub=w.subnodes(sub) if sub else 0)
        w.node(folder + 12, table_context([(0x0037, PT_STRING)], rows))
    w.node(NID_ROOT_FOLDER + 11, table_context([(0x3001, PT_STRING)], folder_rows))
    w.write(path)
