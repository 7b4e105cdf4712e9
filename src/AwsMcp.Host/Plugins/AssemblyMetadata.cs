using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace AwsMcp.Host.Plugins;

/// <summary>A reference from one assembly to another, as its metadata records it.</summary>
internal readonly record struct AssemblyReference(string Name, Version Version);

/// <summary>
/// What the loader needs from an assembly file before any of it loads: its name, its module version id and the
/// assemblies it references. Read from the ECMA-335 tables directly (PE and CLI headers, the <c>#~</c>, <c>#Strings</c>
/// and <c>#GUID</c> streams), a few hundred bytes per file: System.Reflection.Metadata reads the same but stays loaded
/// for the life of the process, about 1.5 MiB of an idle server's memory for work done once at start. Nothing of the
/// file runs; a malformed file is a <see cref="BadImageFormatException"/>, never another exception.
/// </summary>
internal sealed record AssemblyMetadata(string Name, Guid ModuleVersionId, IReadOnlyList<AssemblyReference> References)
{
    private const int ModuleTable = 0x00, AssemblyTable = 0x20, AssemblyRefTable = 0x23;

    /// <summary>The file's assembly metadata; null when it is not a .NET assembly (a native library, a bare module).</summary>
    public static AssemblyMetadata? Read(string path)
    {
        using var handle = File.OpenHandle(path);
        var file = new MetadataFile(handle, RandomAccess.GetLength(handle));
        return file.ReadAssembly();
    }

    private sealed class MetadataFile(SafeFileHandle handle, long length)
    {
        private long _sectionTable;
        private int _sectionCount;

        public AssemblyMetadata? ReadAssembly()
        {
            if (ReadCliHeaderOffset() is not { } cliHeader)
            {
                return null;
            }

            var metadata = Offset(U32(cliHeader + 8));
            var streams = ReadStreamHeaders(metadata);
            if (!streams.TryGetValue("#~", out var tables) && !streams.TryGetValue("#-", out tables))
            {
                throw Bad("no metadata tables");
            }

            var strings = streams.TryGetValue("#Strings", out var s) ? s : throw Bad("no string heap");
            var guids = streams.TryGetValue("#GUID", out var g) ? g : throw Bad("no GUID heap");
            var layout = new TableLayout(this, tables);
            if (layout.Rows[AssemblyTable] == 0)
            {
                return null;
            }

            var module = layout.RowOffset(ModuleTable, 0);
            var mvid = ReadGuid(guids, Index(module + 2 + layout.StringIndex, layout.GuidIndex));
            var assembly = layout.RowOffset(AssemblyTable, 0);
            var name = ReadString(strings, Index(assembly + 16 + layout.BlobIndex, layout.StringIndex));
            var references = new AssemblyReference[layout.Rows[AssemblyRefTable]];
            Span<byte> version = stackalloc byte[8];
            for (var i = 0; i < references.Length; i++)
            {
                var row = layout.RowOffset(AssemblyRefTable, i);
                ReadExactly(row, version);
                references[i] = new AssemblyReference(
                    ReadString(strings, Index(row + 12 + layout.BlobIndex, layout.StringIndex)),
                    new Version(
                        BinaryPrimitives.ReadUInt16LittleEndian(version),
                        BinaryPrimitives.ReadUInt16LittleEndian(version[2..]),
                        BinaryPrimitives.ReadUInt16LittleEndian(version[4..]),
                        BinaryPrimitives.ReadUInt16LittleEndian(version[6..])));
            }

            return new AssemblyMetadata(name, mvid, references);
        }

        // DOS header → PE header → optional header's CLI data directory → the CLI header's file offset; null when none.
        private long? ReadCliHeaderOffset()
        {
            if (U16(0) != 0x5A4D)
            {
                throw Bad("no DOS header");
            }

            long pe = U32(0x3C);
            if (U32(pe) != 0x00004550)
            {
                throw Bad("no PE header");
            }

            var sections = U16(pe + 6);
            var optional = pe + 24;
            var (directories, count) = U16(optional) switch
            {
                0x10B => (optional + 96, U32(optional + 92)),
                0x20B => (optional + 112, U32(optional + 108)),
                _ => throw Bad("unknown optional header"),
            };
            if (count <= 14 || U32(directories + (14 * 8)) is not (> 0 and var cliRva))
            {
                return null;
            }

            _sectionTable = optional + U16(pe + 20);
            _sectionCount = Math.Min((int)sections, 96);
            return Offset(cliRva);
        }

        // A relative virtual address as a file offset, through the section that holds it.
        private long Offset(uint rva)
        {
            Span<byte> header = stackalloc byte[40];
            for (var i = 0; i < _sectionCount; i++)
            {
                ReadExactly(_sectionTable + (i * 40L), header);
                var size = Math.Max(BinaryPrimitives.ReadUInt32LittleEndian(header[8..]), BinaryPrimitives.ReadUInt32LittleEndian(header[16..]));
                var address = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
                if (rva >= address && rva - address < size)
                {
                    return rva - address + (long)BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
                }
            }

            throw Bad("an address outside every section");
        }

        // The metadata root: signature, version string, then each stream's offset, size and name.
        private Dictionary<string, (long Start, long Size)> ReadStreamHeaders(long root)
        {
            if (U32(root) != 0x424A5342)
            {
                throw Bad("no metadata signature");
            }

            var position = root + 16 + (U32(root + 12) + 3 & ~3u);
            var count = U16(position + 2);
            position += 4;
            var streams = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            Span<byte> name = stackalloc byte[32];
            for (var i = 0; i < count && i < 16; i++)
            {
                var start = root + U32(position);
                var size = (long)U32(position + 4);
                var read = RandomAccess.Read(handle, name, position + 8);
                var end = name[..read].IndexOf((byte)0);
                if (end < 0 || start + size > length)
                {
                    throw Bad("a malformed stream header");
                }

                streams.TryAdd(Encoding.ASCII.GetString(name[..end]), (start, size));
                position += 8 + (end + 4 & ~3);
            }

            return streams;
        }

        public long Index(long offset, int size) => size == 2 ? U16(offset) : U32(offset);

        private Guid ReadGuid((long Start, long Size) heap, long index)
        {
            if (index < 1 || index * 16 > heap.Size)
            {
                throw Bad("a GUID index outside its heap");
            }

            Span<byte> bytes = stackalloc byte[16];
            ReadExactly(heap.Start + ((index - 1) * 16), bytes);
            return new Guid(bytes);
        }

        private string ReadString((long Start, long Size) heap, long index)
        {
            if (index >= heap.Size)
            {
                throw Bad("a string index outside its heap");
            }

            Span<byte> bytes = stackalloc byte[1024];
            var read = RandomAccess.Read(handle, bytes[..(int)Math.Min(bytes.Length, heap.Size - index)], heap.Start + index);
            var end = bytes[..read].IndexOf((byte)0);
            return end >= 0 ? Encoding.UTF8.GetString(bytes[..end]) : throw Bad("an unterminated name");
        }

        public ushort U16(long offset)
        {
            Span<byte> bytes = stackalloc byte[2];
            ReadExactly(offset, bytes);
            return BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        }

        public uint U32(long offset)
        {
            Span<byte> bytes = stackalloc byte[4];
            ReadExactly(offset, bytes);
            return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        }

        public void ReadExactly(long offset, Span<byte> buffer)
        {
            if (offset < 0 || offset + buffer.Length > length || RandomAccess.Read(handle, buffer, offset) != buffer.Length)
            {
                throw Bad("truncated");
            }
        }
    }

    /// <summary>
    /// Where each table's rows are in the <c>#~</c> stream: the row counts, the widths of heap indexes, and every
    /// table's row size up to AssemblyRef (ECMA-335 II.22), since the tables are laid out one after another.
    /// </summary>
    private sealed class TableLayout
    {
        private readonly long[] _starts = new long[64];
        private readonly int[] _rowSizes = new int[64];

        public TableLayout(MetadataFile file, (long Start, long Size) stream)
        {
            var heapSizes = file.U16(stream.Start + 6) & 0xFF;
            StringIndex = (heapSizes & 0x01) != 0 ? 4 : 2;
            GuidIndex = (heapSizes & 0x02) != 0 ? 4 : 2;
            BlobIndex = (heapSizes & 0x04) != 0 ? 4 : 2;
            var present = ((ulong)file.U32(stream.Start + 12) << 32) | file.U32(stream.Start + 8);
            var position = stream.Start + 24;
            for (var table = 0; table < 64; table++)
            {
                if ((present & (1UL << table)) != 0)
                {
                    Rows[table] = file.U32(position);
                    position += 4;
                }
            }

            // Extra data after the row counts, written by some compilers for edit-and-continue deltas.
            position += (heapSizes & 0x40) != 0 ? 4 : 0;
            for (var table = 0; table <= AssemblyRefTable; table++)
            {
                _rowSizes[table] = RowSize(table);
                _starts[table] = position;
                position += Rows[table] * (long)_rowSizes[table];
            }

            if (position > stream.Start + stream.Size)
            {
                throw Bad("tables larger than their stream");
            }
        }

        public uint[] Rows { get; } = new uint[64];

        public int StringIndex { get; }

        public int GuidIndex { get; }

        public int BlobIndex { get; }

        public long RowOffset(int table, int row) =>
            row < Rows[table] ? _starts[table] + (row * (long)_rowSizes[table]) : throw Bad("a missing table row");

        private int Simple(int table) => Rows[table] < 0x10000 ? 2 : 4;

        private int Coded(int tagBits, params int[] tables) => tables.Max(t => Rows[t]) < 1u << (16 - tagBits) ? 2 : 4;

        private int RowSize(int table)
        {
            int s = StringIndex, g = GuidIndex, b = BlobIndex;
            var typeDefOrRef = Coded(2, 0x02, 0x01, 0x1B);
            return table switch
            {
                0x00 => 2 + s + (3 * g),
                0x01 => Coded(2, 0x00, 0x1A, 0x23, 0x01) + (2 * s),
                0x02 => 4 + (2 * s) + typeDefOrRef + Simple(0x04) + Simple(0x06),
                0x03 => Simple(0x04),
                0x04 => 2 + s + b,
                0x05 => Simple(0x06),
                0x06 => 8 + s + b + Simple(0x08),
                0x07 => Simple(0x08),
                0x08 => 4 + s,
                0x09 => Simple(0x02) + typeDefOrRef,
                0x0A => Coded(3, 0x02, 0x01, 0x1A, 0x06, 0x1B) + s + b,
                0x0B => 2 + Coded(2, 0x04, 0x08, 0x17) + b,
                0x0C => Coded(5, 0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x00, 0x0E, 0x17, 0x14, 0x11, 0x1A, 0x1B, 0x20, 0x23, 0x26, 0x27, 0x28, 0x2A, 0x2C, 0x2B)
                    + Coded(3, 0x06, 0x0A) + b,
                0x0D => Coded(1, 0x04, 0x08) + b,
                0x0E => 2 + Coded(2, 0x02, 0x06, 0x20) + b,
                0x0F => 6 + Simple(0x02),
                0x10 => 4 + Simple(0x04),
                0x11 => b,
                0x12 => Simple(0x02) + Simple(0x14),
                0x13 => Simple(0x14),
                0x14 => 2 + s + typeDefOrRef,
                0x15 => Simple(0x02) + Simple(0x17),
                0x16 => Simple(0x17),
                0x17 => 2 + s + b,
                0x18 => 2 + Simple(0x06) + Coded(1, 0x14, 0x17),
                0x19 => Simple(0x02) + (2 * Coded(1, 0x06, 0x0A)),
                0x1A => s,
                0x1B => b,
                0x1C => 2 + Coded(1, 0x04, 0x06) + s + Simple(0x1A),
                0x1D => 4 + Simple(0x04),
                0x1E => 8,
                0x1F => 4,
                0x20 => 16 + b + (2 * s),
                0x21 => 4,
                0x22 => 12,
                0x23 => 12 + (2 * b) + (2 * s),
                _ => throw new ArgumentOutOfRangeException(nameof(table)),
            };
        }
    }

    private static BadImageFormatException Bad(string what) => new($"malformed file ({what})");
}
