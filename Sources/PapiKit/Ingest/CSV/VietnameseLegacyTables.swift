// Byte-to-Unicode tables for the legacy Vietnamese encodings read with `--encoding`.
//
// Generated and checked by a throwaway script; do not edit by hand. Every entry is
// the Unicode text for one byte; nil marks a byte the encoding leaves undefined,
// which the reader reports as an error. Entries may be combining marks: the reader
// normalises to NFC afterwards, so "a" + U+0301 becomes "á".
//
// Sources:
// - cp1258: Python 3.11's built-in "cp1258" codec (generated from Microsoft's
//   CP1258.TXT), cross-checked byte by byte against glibc iconv's WINDOWS-1258.
// - tcvn3: the TCVN3 table of Unikey's VnConv library (unikey/data.cpp, as in
//   fcitx5-unikey). Its 74 letters were cross-checked against glibc iconv's
//   TCVN5712-1 (the same table as GNU libiconv's lib/tcvn.h), the npm package
//   "vietnamese-conversion" (src/charsets.ts; the PHP ViEncoder has the same list),
//   VBKey's mdlCodeTable.bas and a C# TCVN3 converter: all agree on every letter.
// - vni: the VNI-WIN table of Unikey's VnConv (unikey/data.cpp), cross-checked
//   against "vietnamese-conversion" / ViEncoder and VBKey's mdlCodeTable.bas: all
//   agree on every letter.
// Bytes 0x80-0x9F are the Windows-1252 symbols in TCVN3 and VNI, as in Unikey: the
// fonts are Windows "ANSI" fonts, so quotes and dashes typed next to Vietnamese text
// land there. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) are nil (Unikey would pass them through as C1 controls).

/// Byte-to-Unicode tables of the legacy Vietnamese encodings `papi` reads with `--encoding`.
enum VietnameseLegacyTables {
  /// Windows-1258 (CP1258). 256 entries; nil = byte undefined in the encoding.
  ///
  /// Follows Microsoft's table: 0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D and 0x9E
  /// are undefined. Tones are combining marks (0xCC grave, 0xEC acute, 0xD2 hook above,
  /// 0xDE tilde, 0xF2 dot below) written after the base letter; eight toned letters
  /// (à á è é í ó ù ú and their capitals) also have a precomposed byte.
  ///
  /// Cannot represent: nothing Vietnamese is missing. Every letter of the alphabet,
  /// both cases, is a base letter (a ă â e ê i o ô ơ u ư y đ, all in the table) followed
  /// by at most one tone mark.
  static let cp1258: [String?] = [
    "\u{0000}",  // 0x00 control
    "\u{0001}",  // 0x01 control
    "\u{0002}",  // 0x02 control
    "\u{0003}",  // 0x03 control
    "\u{0004}",  // 0x04 control
    "\u{0005}",  // 0x05 control
    "\u{0006}",  // 0x06 control
    "\u{0007}",  // 0x07 control
    "\u{0008}",  // 0x08 control
    "\u{0009}",  // 0x09 control
    "\u{000A}",  // 0x0A control
    "\u{000B}",  // 0x0B control
    "\u{000C}",  // 0x0C control
    "\u{000D}",  // 0x0D control
    "\u{000E}",  // 0x0E control
    "\u{000F}",  // 0x0F control
    "\u{0010}",  // 0x10 control
    "\u{0011}",  // 0x11 control
    "\u{0012}",  // 0x12 control
    "\u{0013}",  // 0x13 control
    "\u{0014}",  // 0x14 control
    "\u{0015}",  // 0x15 control
    "\u{0016}",  // 0x16 control
    "\u{0017}",  // 0x17 control
    "\u{0018}",  // 0x18 control
    "\u{0019}",  // 0x19 control
    "\u{001A}",  // 0x1A control
    "\u{001B}",  // 0x1B control
    "\u{001C}",  // 0x1C control
    "\u{001D}",  // 0x1D control
    "\u{001E}",  // 0x1E control
    "\u{001F}",  // 0x1F control
    " ",  // 0x20 (space)
    "!",  // 0x21 !
    "\"",  // 0x22 "
    "#",  // 0x23 #
    "$",  // 0x24 $
    "%",  // 0x25 %
    "&",  // 0x26 &
    "'",  // 0x27 '
    "(",  // 0x28 (
    ")",  // 0x29 )
    "*",  // 0x2A *
    "+",  // 0x2B +
    ",",  // 0x2C ,
    "-",  // 0x2D -
    ".",  // 0x2E .
    "/",  // 0x2F /
    "0",  // 0x30 0
    "1",  // 0x31 1
    "2",  // 0x32 2
    "3",  // 0x33 3
    "4",  // 0x34 4
    "5",  // 0x35 5
    "6",  // 0x36 6
    "7",  // 0x37 7
    "8",  // 0x38 8
    "9",  // 0x39 9
    ":",  // 0x3A :
    ";",  // 0x3B ;
    "<",  // 0x3C <
    "=",  // 0x3D =
    ">",  // 0x3E >
    "?",  // 0x3F ?
    "@",  // 0x40 @
    "A",  // 0x41 A
    "B",  // 0x42 B
    "C",  // 0x43 C
    "D",  // 0x44 D
    "E",  // 0x45 E
    "F",  // 0x46 F
    "G",  // 0x47 G
    "H",  // 0x48 H
    "I",  // 0x49 I
    "J",  // 0x4A J
    "K",  // 0x4B K
    "L",  // 0x4C L
    "M",  // 0x4D M
    "N",  // 0x4E N
    "O",  // 0x4F O
    "P",  // 0x50 P
    "Q",  // 0x51 Q
    "R",  // 0x52 R
    "S",  // 0x53 S
    "T",  // 0x54 T
    "U",  // 0x55 U
    "V",  // 0x56 V
    "W",  // 0x57 W
    "X",  // 0x58 X
    "Y",  // 0x59 Y
    "Z",  // 0x5A Z
    "[",  // 0x5B [
    "\\",  // 0x5C \
    "]",  // 0x5D ]
    "^",  // 0x5E ^
    "_",  // 0x5F _
    "`",  // 0x60 `
    "a",  // 0x61 a
    "b",  // 0x62 b
    "c",  // 0x63 c
    "d",  // 0x64 d
    "e",  // 0x65 e
    "f",  // 0x66 f
    "g",  // 0x67 g
    "h",  // 0x68 h
    "i",  // 0x69 i
    "j",  // 0x6A j
    "k",  // 0x6B k
    "l",  // 0x6C l
    "m",  // 0x6D m
    "n",  // 0x6E n
    "o",  // 0x6F o
    "p",  // 0x70 p
    "q",  // 0x71 q
    "r",  // 0x72 r
    "s",  // 0x73 s
    "t",  // 0x74 t
    "u",  // 0x75 u
    "v",  // 0x76 v
    "w",  // 0x77 w
    "x",  // 0x78 x
    "y",  // 0x79 y
    "z",  // 0x7A z
    "{",  // 0x7B {
    "|",  // 0x7C |
    "}",  // 0x7D }
    "~",  // 0x7E ~
    "\u{007F}",  // 0x7F control
    "\u{20AC}",  // 0x80 €
    nil,  // 0x81 undefined
    "\u{201A}",  // 0x82 ‚
    "\u{0192}",  // 0x83 ƒ
    "\u{201E}",  // 0x84 „
    "\u{2026}",  // 0x85 …
    "\u{2020}",  // 0x86 †
    "\u{2021}",  // 0x87 ‡
    "\u{02C6}",  // 0x88 ˆ
    "\u{2030}",  // 0x89 ‰
    nil,  // 0x8A undefined
    "\u{2039}",  // 0x8B ‹
    "\u{0152}",  // 0x8C Œ
    nil,  // 0x8D undefined
    nil,  // 0x8E undefined
    nil,  // 0x8F undefined
    nil,  // 0x90 undefined
    "\u{2018}",  // 0x91 ‘
    "\u{2019}",  // 0x92 ’
    "\u{201C}",  // 0x93 “
    "\u{201D}",  // 0x94 ”
    "\u{2022}",  // 0x95 •
    "\u{2013}",  // 0x96 –
    "\u{2014}",  // 0x97 —
    "\u{02DC}",  // 0x98 ˜
    "\u{2122}",  // 0x99 ™
    nil,  // 0x9A undefined
    "\u{203A}",  // 0x9B ›
    "\u{0153}",  // 0x9C œ
    nil,  // 0x9D undefined
    nil,  // 0x9E undefined
    "\u{0178}",  // 0x9F Ÿ
    "\u{00A0}",  // 0xA0 (no-break space)
    "\u{00A1}",  // 0xA1 ¡
    "\u{00A2}",  // 0xA2 ¢
    "\u{00A3}",  // 0xA3 £
    "\u{00A4}",  // 0xA4 ¤
    "\u{00A5}",  // 0xA5 ¥
    "\u{00A6}",  // 0xA6 ¦
    "\u{00A7}",  // 0xA7 §
    "\u{00A8}",  // 0xA8 ¨
    "\u{00A9}",  // 0xA9 ©
    "\u{00AA}",  // 0xAA ª
    "\u{00AB}",  // 0xAB «
    "\u{00AC}",  // 0xAC ¬
    "\u{00AD}",  // 0xAD (soft hyphen)
    "\u{00AE}",  // 0xAE ®
    "\u{00AF}",  // 0xAF ¯
    "\u{00B0}",  // 0xB0 °
    "\u{00B1}",  // 0xB1 ±
    "\u{00B2}",  // 0xB2 ²
    "\u{00B3}",  // 0xB3 ³
    "\u{00B4}",  // 0xB4 ´
    "\u{00B5}",  // 0xB5 µ
    "\u{00B6}",  // 0xB6 ¶
    "\u{00B7}",  // 0xB7 ·
    "\u{00B8}",  // 0xB8 ¸
    "\u{00B9}",  // 0xB9 ¹
    "\u{00BA}",  // 0xBA º
    "\u{00BB}",  // 0xBB »
    "\u{00BC}",  // 0xBC ¼
    "\u{00BD}",  // 0xBD ½
    "\u{00BE}",  // 0xBE ¾
    "\u{00BF}",  // 0xBF ¿
    "\u{00C0}",  // 0xC0 À
    "\u{00C1}",  // 0xC1 Á
    "\u{00C2}",  // 0xC2 Â
    "\u{0102}",  // 0xC3 Ă
    "\u{00C4}",  // 0xC4 Ä
    "\u{00C5}",  // 0xC5 Å
    "\u{00C6}",  // 0xC6 Æ
    "\u{00C7}",  // 0xC7 Ç
    "\u{00C8}",  // 0xC8 È
    "\u{00C9}",  // 0xC9 É
    "\u{00CA}",  // 0xCA Ê
    "\u{00CB}",  // 0xCB Ë
    "\u{0300}",  // 0xCC ◌̀ (combining grave accent)
    "\u{00CD}",  // 0xCD Í
    "\u{00CE}",  // 0xCE Î
    "\u{00CF}",  // 0xCF Ï
    "\u{0110}",  // 0xD0 Đ
    "\u{00D1}",  // 0xD1 Ñ
    "\u{0309}",  // 0xD2 ◌̉ (combining hook above)
    "\u{00D3}",  // 0xD3 Ó
    "\u{00D4}",  // 0xD4 Ô
    "\u{01A0}",  // 0xD5 Ơ
    "\u{00D6}",  // 0xD6 Ö
    "\u{00D7}",  // 0xD7 ×
    "\u{00D8}",  // 0xD8 Ø
    "\u{00D9}",  // 0xD9 Ù
    "\u{00DA}",  // 0xDA Ú
    "\u{00DB}",  // 0xDB Û
    "\u{00DC}",  // 0xDC Ü
    "\u{01AF}",  // 0xDD Ư
    "\u{0303}",  // 0xDE ◌̃ (combining tilde)
    "\u{00DF}",  // 0xDF ß
    "\u{00E0}",  // 0xE0 à
    "\u{00E1}",  // 0xE1 á
    "\u{00E2}",  // 0xE2 â
    "\u{0103}",  // 0xE3 ă
    "\u{00E4}",  // 0xE4 ä
    "\u{00E5}",  // 0xE5 å
    "\u{00E6}",  // 0xE6 æ
    "\u{00E7}",  // 0xE7 ç
    "\u{00E8}",  // 0xE8 è
    "\u{00E9}",  // 0xE9 é
    "\u{00EA}",  // 0xEA ê
    "\u{00EB}",  // 0xEB ë
    "\u{0301}",  // 0xEC ◌́ (combining acute accent)
    "\u{00ED}",  // 0xED í
    "\u{00EE}",  // 0xEE î
    "\u{00EF}",  // 0xEF ï
    "\u{0111}",  // 0xF0 đ
    "\u{00F1}",  // 0xF1 ñ
    "\u{0323}",  // 0xF2 ◌̣ (combining dot below)
    "\u{00F3}",  // 0xF3 ó
    "\u{00F4}",  // 0xF4 ô
    "\u{01A1}",  // 0xF5 ơ
    "\u{00F6}",  // 0xF6 ö
    "\u{00F7}",  // 0xF7 ÷
    "\u{00F8}",  // 0xF8 ø
    "\u{00F9}",  // 0xF9 ù
    "\u{00FA}",  // 0xFA ú
    "\u{00FB}",  // 0xFB û
    "\u{00FC}",  // 0xFC ü
    "\u{01B0}",  // 0xFD ư
    "\u{20AB}",  // 0xFE ₫
    "\u{00FF}",  // 0xFF ÿ
  ]

  /// TCVN3 (TCVN 5712:1993 "ABC", the .VnTime fonts). 256 entries.
  ///
  /// This is VN3, the form the ABC fonts and converters such as Unikey use. ASCII is
  /// unchanged: no control byte is redefined (the fuller VN1 form in glibc and libiconv
  /// puts uppercase toned letters at 0x01-0x17 and 0x80-0x9F). 0xA1-0xA7 hold Ă Â Ê Ô
  /// Ơ Ư Đ, 0xA8-0xFE the 67 lowercase letters with diacritics, 0xA0 is a no-break
  /// space, and 0x80-0x9F are the Windows-1252 symbols. The 21 other bytes of
  /// 0xA0-0xFF (0xAF, 0xB0-0xB4, 0xBA, 0xBF, 0xC0-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0,
  /// 0xFF) are undefined in VN3 and nil here: VN1/VN2 put uppercase toned letters and
  /// combining marks there while Unikey reads them as Latin-1 (0xC4 would be Ấ in one
  /// and Ä in the other), so an error is safer than a guess.
  ///
  /// Cannot represent: any uppercase vowel with a tone mark (À Á Ả Ã Ạ, Ằ Ắ Ẳ Ẵ Ặ,
  /// Ầ Ấ Ẩ Ẫ Ậ, È É Ẻ Ẽ Ẹ, Ề Ế Ể Ễ Ệ, Ì Í Ỉ Ĩ Ị, Ò Ó Ỏ Õ Ọ, Ồ Ố Ổ Ỗ Ộ, Ờ Ớ Ở Ỡ Ợ,
  /// Ù Ú Ủ Ũ Ụ, Ừ Ứ Ử Ữ Ự, Ỳ Ý Ỷ Ỹ Ỵ: 60 letters). TCVN3 documents show them by
  /// switching to an all-capitals font (.VnTimeH) that draws the lowercase codes as
  /// capitals, so such text decodes to lowercase toned letters: the case is not in
  /// the bytes and cannot be recovered here.
  static let tcvn3: [String?] = [
    "\u{0000}",  // 0x00 control
    "\u{0001}",  // 0x01 control
    "\u{0002}",  // 0x02 control
    "\u{0003}",  // 0x03 control
    "\u{0004}",  // 0x04 control
    "\u{0005}",  // 0x05 control
    "\u{0006}",  // 0x06 control
    "\u{0007}",  // 0x07 control
    "\u{0008}",  // 0x08 control
    "\u{0009}",  // 0x09 control
    "\u{000A}",  // 0x0A control
    "\u{000B}",  // 0x0B control
    "\u{000C}",  // 0x0C control
    "\u{000D}",  // 0x0D control
    "\u{000E}",  // 0x0E control
    "\u{000F}",  // 0x0F control
    "\u{0010}",  // 0x10 control
    "\u{0011}",  // 0x11 control
    "\u{0012}",  // 0x12 control
    "\u{0013}",  // 0x13 control
    "\u{0014}",  // 0x14 control
    "\u{0015}",  // 0x15 control
    "\u{0016}",  // 0x16 control
    "\u{0017}",  // 0x17 control
    "\u{0018}",  // 0x18 control
    "\u{0019}",  // 0x19 control
    "\u{001A}",  // 0x1A control
    "\u{001B}",  // 0x1B control
    "\u{001C}",  // 0x1C control
    "\u{001D}",  // 0x1D control
    "\u{001E}",  // 0x1E control
    "\u{001F}",  // 0x1F control
    " ",  // 0x20 (space)
    "!",  // 0x21 !
    "\"",  // 0x22 "
    "#",  // 0x23 #
    "$",  // 0x24 $
    "%",  // 0x25 %
    "&",  // 0x26 &
    "'",  // 0x27 '
    "(",  // 0x28 (
    ")",  // 0x29 )
    "*",  // 0x2A *
    "+",  // 0x2B +
    ",",  // 0x2C ,
    "-",  // 0x2D -
    ".",  // 0x2E .
    "/",  // 0x2F /
    "0",  // 0x30 0
    "1",  // 0x31 1
    "2",  // 0x32 2
    "3",  // 0x33 3
    "4",  // 0x34 4
    "5",  // 0x35 5
    "6",  // 0x36 6
    "7",  // 0x37 7
    "8",  // 0x38 8
    "9",  // 0x39 9
    ":",  // 0x3A :
    ";",  // 0x3B ;
    "<",  // 0x3C <
    "=",  // 0x3D =
    ">",  // 0x3E >
    "?",  // 0x3F ?
    "@",  // 0x40 @
    "A",  // 0x41 A
    "B",  // 0x42 B
    "C",  // 0x43 C
    "D",  // 0x44 D
    "E",  // 0x45 E
    "F",  // 0x46 F
    "G",  // 0x47 G
    "H",  // 0x48 H
    "I",  // 0x49 I
    "J",  // 0x4A J
    "K",  // 0x4B K
    "L",  // 0x4C L
    "M",  // 0x4D M
    "N",  // 0x4E N
    "O",  // 0x4F O
    "P",  // 0x50 P
    "Q",  // 0x51 Q
    "R",  // 0x52 R
    "S",  // 0x53 S
    "T",  // 0x54 T
    "U",  // 0x55 U
    "V",  // 0x56 V
    "W",  // 0x57 W
    "X",  // 0x58 X
    "Y",  // 0x59 Y
    "Z",  // 0x5A Z
    "[",  // 0x5B [
    "\\",  // 0x5C \
    "]",  // 0x5D ]
    "^",  // 0x5E ^
    "_",  // 0x5F _
    "`",  // 0x60 `
    "a",  // 0x61 a
    "b",  // 0x62 b
    "c",  // 0x63 c
    "d",  // 0x64 d
    "e",  // 0x65 e
    "f",  // 0x66 f
    "g",  // 0x67 g
    "h",  // 0x68 h
    "i",  // 0x69 i
    "j",  // 0x6A j
    "k",  // 0x6B k
    "l",  // 0x6C l
    "m",  // 0x6D m
    "n",  // 0x6E n
    "o",  // 0x6F o
    "p",  // 0x70 p
    "q",  // 0x71 q
    "r",  // 0x72 r
    "s",  // 0x73 s
    "t",  // 0x74 t
    "u",  // 0x75 u
    "v",  // 0x76 v
    "w",  // 0x77 w
    "x",  // 0x78 x
    "y",  // 0x79 y
    "z",  // 0x7A z
    "{",  // 0x7B {
    "|",  // 0x7C |
    "}",  // 0x7D }
    "~",  // 0x7E ~
    "\u{007F}",  // 0x7F control
    "\u{20AC}",  // 0x80 €
    nil,  // 0x81 undefined
    "\u{201A}",  // 0x82 ‚
    "\u{0192}",  // 0x83 ƒ
    "\u{201E}",  // 0x84 „
    "\u{2026}",  // 0x85 …
    "\u{2020}",  // 0x86 †
    "\u{2021}",  // 0x87 ‡
    "\u{02C6}",  // 0x88 ˆ
    "\u{2030}",  // 0x89 ‰
    "\u{0160}",  // 0x8A Š
    "\u{2039}",  // 0x8B ‹
    "\u{0152}",  // 0x8C Œ
    nil,  // 0x8D undefined
    "\u{017D}",  // 0x8E Ž
    nil,  // 0x8F undefined
    nil,  // 0x90 undefined
    "\u{2018}",  // 0x91 ‘
    "\u{2019}",  // 0x92 ’
    "\u{201C}",  // 0x93 “
    "\u{201D}",  // 0x94 ”
    "\u{2022}",  // 0x95 •
    "\u{2013}",  // 0x96 –
    "\u{2014}",  // 0x97 —
    "\u{02DC}",  // 0x98 ˜
    "\u{2122}",  // 0x99 ™
    "\u{0161}",  // 0x9A š
    "\u{203A}",  // 0x9B ›
    "\u{0153}",  // 0x9C œ
    nil,  // 0x9D undefined
    "\u{017E}",  // 0x9E ž
    "\u{0178}",  // 0x9F Ÿ
    "\u{00A0}",  // 0xA0 (no-break space)
    "\u{0102}",  // 0xA1 Ă
    "\u{00C2}",  // 0xA2 Â
    "\u{00CA}",  // 0xA3 Ê
    "\u{00D4}",  // 0xA4 Ô
    "\u{01A0}",  // 0xA5 Ơ
    "\u{01AF}",  // 0xA6 Ư
    "\u{0110}",  // 0xA7 Đ
    "\u{0103}",  // 0xA8 ă
    "\u{00E2}",  // 0xA9 â
    "\u{00EA}",  // 0xAA ê
    "\u{00F4}",  // 0xAB ô
    "\u{01A1}",  // 0xAC ơ
    "\u{01B0}",  // 0xAD ư
    "\u{0111}",  // 0xAE đ
    nil,  // 0xAF undefined in VN3 (VN1/VN2: Ằ)
    nil,  // 0xB0 undefined in VN3 (VN1/VN2: combining grave accent)
    nil,  // 0xB1 undefined in VN3 (VN1/VN2: combining hook above)
    nil,  // 0xB2 undefined in VN3 (VN1/VN2: combining tilde)
    nil,  // 0xB3 undefined in VN3 (VN1/VN2: combining acute accent)
    nil,  // 0xB4 undefined in VN3 (VN1/VN2: combining dot below)
    "\u{00E0}",  // 0xB5 à
    "\u{1EA3}",  // 0xB6 ả
    "\u{00E3}",  // 0xB7 ã
    "\u{00E1}",  // 0xB8 á
    "\u{1EA1}",  // 0xB9 ạ
    nil,  // 0xBA undefined in VN3 (VN1/VN2: Ẳ)
    "\u{1EB1}",  // 0xBB ằ
    "\u{1EB3}",  // 0xBC ẳ
    "\u{1EB5}",  // 0xBD ẵ
    "\u{1EAF}",  // 0xBE ắ
    nil,  // 0xBF undefined in VN3 (VN1/VN2: Ẵ)
    nil,  // 0xC0 undefined in VN3 (VN1/VN2: Ắ)
    nil,  // 0xC1 undefined in VN3 (VN1/VN2: Ầ)
    nil,  // 0xC2 undefined in VN3 (VN1/VN2: Ẩ)
    nil,  // 0xC3 undefined in VN3 (VN1/VN2: Ẫ)
    nil,  // 0xC4 undefined in VN3 (VN1/VN2: Ấ)
    nil,  // 0xC5 undefined in VN3 (VN1/VN2: Ề)
    "\u{1EB7}",  // 0xC6 ặ
    "\u{1EA7}",  // 0xC7 ầ
    "\u{1EA9}",  // 0xC8 ẩ
    "\u{1EAB}",  // 0xC9 ẫ
    "\u{1EA5}",  // 0xCA ấ
    "\u{1EAD}",  // 0xCB ậ
    "\u{00E8}",  // 0xCC è
    nil,  // 0xCD undefined in VN3 (VN1/VN2: Ể)
    "\u{1EBB}",  // 0xCE ẻ
    "\u{1EBD}",  // 0xCF ẽ
    "\u{00E9}",  // 0xD0 é
    "\u{1EB9}",  // 0xD1 ẹ
    "\u{1EC1}",  // 0xD2 ề
    "\u{1EC3}",  // 0xD3 ể
    "\u{1EC5}",  // 0xD4 ễ
    "\u{1EBF}",  // 0xD5 ế
    "\u{1EC7}",  // 0xD6 ệ
    "\u{00EC}",  // 0xD7 ì
    "\u{1EC9}",  // 0xD8 ỉ
    nil,  // 0xD9 undefined in VN3 (VN1/VN2: Ễ)
    nil,  // 0xDA undefined in VN3 (VN1/VN2: Ế)
    nil,  // 0xDB undefined in VN3 (VN1/VN2: Ồ)
    "\u{0129}",  // 0xDC ĩ
    "\u{00ED}",  // 0xDD í
    "\u{1ECB}",  // 0xDE ị
    "\u{00F2}",  // 0xDF ò
    nil,  // 0xE0 undefined in VN3 (VN1/VN2: Ổ)
    "\u{1ECF}",  // 0xE1 ỏ
    "\u{00F5}",  // 0xE2 õ
    "\u{00F3}",  // 0xE3 ó
    "\u{1ECD}",  // 0xE4 ọ
    "\u{1ED3}",  // 0xE5 ồ
    "\u{1ED5}",  // 0xE6 ổ
    "\u{1ED7}",  // 0xE7 ỗ
    "\u{1ED1}",  // 0xE8 ố
    "\u{1ED9}",  // 0xE9 ộ
    "\u{1EDD}",  // 0xEA ờ
    "\u{1EDF}",  // 0xEB ở
    "\u{1EE1}",  // 0xEC ỡ
    "\u{1EDB}",  // 0xED ớ
    "\u{1EE3}",  // 0xEE ợ
    "\u{00F9}",  // 0xEF ù
    nil,  // 0xF0 undefined in VN3 (VN1/VN2: Ỗ)
    "\u{1EE7}",  // 0xF1 ủ
    "\u{0169}",  // 0xF2 ũ
    "\u{00FA}",  // 0xF3 ú
    "\u{1EE5}",  // 0xF4 ụ
    "\u{1EEB}",  // 0xF5 ừ
    "\u{1EED}",  // 0xF6 ử
    "\u{1EEF}",  // 0xF7 ữ
    "\u{1EE9}",  // 0xF8 ứ
    "\u{1EF1}",  // 0xF9 ự
    "\u{1EF3}",  // 0xFA ỳ
    "\u{1EF7}",  // 0xFB ỷ
    "\u{1EF9}",  // 0xFC ỹ
    "\u{00FD}",  // 0xFD ý
    "\u{1EF5}",  // 0xFE ỵ
    nil,  // 0xFF undefined in VN3 (VN1/VN2: Ố)
  ]

  /// VNI (VNI-Windows fonts). 256 entries.
  ///
  /// VNI writes most letters as an ASCII base letter followed by one mark byte; a mark
  /// byte maps to one or two combining marks (circumflex or breve first, then the tone;
  /// a dot below comes first, in canonical order). Lowercase mark bytes are 0xE0-0xE5,
  /// 0xE8-0xEB, 0xEF, 0xF5, 0xF8-0xFC; the uppercase ones are the same minus 0x20.
  /// Single-byte letters: Đ đ (0xD1 0xF1), Ơ ơ (0xD4 0xF4), Ư ư (0xD6 0xF6),
  /// Ì ì Í í Ỉ ỉ Ĩ ĩ Ị ị (0xCC 0xEC 0xCD 0xED 0xC6 0xE6 0xD3 0xF3 0xD2 0xF2) and Ỵ ỵ
  /// (0xCE 0xEE). Other bytes: Windows-1252 symbols in 0x80-0x9F, Latin-1 above, as in
  /// Unikey.
  ///
  /// Cannot represent: no Vietnamese letter is missing. The Latin-1 letters whose bytes
  /// VNI uses as marks or letters (À Á Â Ã Ä Å Æ È É Ê Ë Î Ï Ñ Ò Ó Ô Õ Ö Ø Ù Ú Û Ü and
  /// their lowercase forms) cannot appear as themselves, and a mark byte after a
  /// letter it does not combine with leaves a lone combining mark.
  static let vni: [String?] = [
    "\u{0000}",  // 0x00 control
    "\u{0001}",  // 0x01 control
    "\u{0002}",  // 0x02 control
    "\u{0003}",  // 0x03 control
    "\u{0004}",  // 0x04 control
    "\u{0005}",  // 0x05 control
    "\u{0006}",  // 0x06 control
    "\u{0007}",  // 0x07 control
    "\u{0008}",  // 0x08 control
    "\u{0009}",  // 0x09 control
    "\u{000A}",  // 0x0A control
    "\u{000B}",  // 0x0B control
    "\u{000C}",  // 0x0C control
    "\u{000D}",  // 0x0D control
    "\u{000E}",  // 0x0E control
    "\u{000F}",  // 0x0F control
    "\u{0010}",  // 0x10 control
    "\u{0011}",  // 0x11 control
    "\u{0012}",  // 0x12 control
    "\u{0013}",  // 0x13 control
    "\u{0014}",  // 0x14 control
    "\u{0015}",  // 0x15 control
    "\u{0016}",  // 0x16 control
    "\u{0017}",  // 0x17 control
    "\u{0018}",  // 0x18 control
    "\u{0019}",  // 0x19 control
    "\u{001A}",  // 0x1A control
    "\u{001B}",  // 0x1B control
    "\u{001C}",  // 0x1C control
    "\u{001D}",  // 0x1D control
    "\u{001E}",  // 0x1E control
    "\u{001F}",  // 0x1F control
    " ",  // 0x20 (space)
    "!",  // 0x21 !
    "\"",  // 0x22 "
    "#",  // 0x23 #
    "$",  // 0x24 $
    "%",  // 0x25 %
    "&",  // 0x26 &
    "'",  // 0x27 '
    "(",  // 0x28 (
    ")",  // 0x29 )
    "*",  // 0x2A *
    "+",  // 0x2B +
    ",",  // 0x2C ,
    "-",  // 0x2D -
    ".",  // 0x2E .
    "/",  // 0x2F /
    "0",  // 0x30 0
    "1",  // 0x31 1
    "2",  // 0x32 2
    "3",  // 0x33 3
    "4",  // 0x34 4
    "5",  // 0x35 5
    "6",  // 0x36 6
    "7",  // 0x37 7
    "8",  // 0x38 8
    "9",  // 0x39 9
    ":",  // 0x3A :
    ";",  // 0x3B ;
    "<",  // 0x3C <
    "=",  // 0x3D =
    ">",  // 0x3E >
    "?",  // 0x3F ?
    "@",  // 0x40 @
    "A",  // 0x41 A
    "B",  // 0x42 B
    "C",  // 0x43 C
    "D",  // 0x44 D
    "E",  // 0x45 E
    "F",  // 0x46 F
    "G",  // 0x47 G
    "H",  // 0x48 H
    "I",  // 0x49 I
    "J",  // 0x4A J
    "K",  // 0x4B K
    "L",  // 0x4C L
    "M",  // 0x4D M
    "N",  // 0x4E N
    "O",  // 0x4F O
    "P",  // 0x50 P
    "Q",  // 0x51 Q
    "R",  // 0x52 R
    "S",  // 0x53 S
    "T",  // 0x54 T
    "U",  // 0x55 U
    "V",  // 0x56 V
    "W",  // 0x57 W
    "X",  // 0x58 X
    "Y",  // 0x59 Y
    "Z",  // 0x5A Z
    "[",  // 0x5B [
    "\\",  // 0x5C \
    "]",  // 0x5D ]
    "^",  // 0x5E ^
    "_",  // 0x5F _
    "`",  // 0x60 `
    "a",  // 0x61 a
    "b",  // 0x62 b
    "c",  // 0x63 c
    "d",  // 0x64 d
    "e",  // 0x65 e
    "f",  // 0x66 f
    "g",  // 0x67 g
    "h",  // 0x68 h
    "i",  // 0x69 i
    "j",  // 0x6A j
    "k",  // 0x6B k
    "l",  // 0x6C l
    "m",  // 0x6D m
    "n",  // 0x6E n
    "o",  // 0x6F o
    "p",  // 0x70 p
    "q",  // 0x71 q
    "r",  // 0x72 r
    "s",  // 0x73 s
    "t",  // 0x74 t
    "u",  // 0x75 u
    "v",  // 0x76 v
    "w",  // 0x77 w
    "x",  // 0x78 x
    "y",  // 0x79 y
    "z",  // 0x7A z
    "{",  // 0x7B {
    "|",  // 0x7C |
    "}",  // 0x7D }
    "~",  // 0x7E ~
    "\u{007F}",  // 0x7F control
    "\u{20AC}",  // 0x80 €
    nil,  // 0x81 undefined
    "\u{201A}",  // 0x82 ‚
    "\u{0192}",  // 0x83 ƒ
    "\u{201E}",  // 0x84 „
    "\u{2026}",  // 0x85 …
    "\u{2020}",  // 0x86 †
    "\u{2021}",  // 0x87 ‡
    "\u{02C6}",  // 0x88 ˆ
    "\u{2030}",  // 0x89 ‰
    "\u{0160}",  // 0x8A Š
    "\u{2039}",  // 0x8B ‹
    "\u{0152}",  // 0x8C Œ
    nil,  // 0x8D undefined
    "\u{017D}",  // 0x8E Ž
    nil,  // 0x8F undefined
    nil,  // 0x90 undefined
    "\u{2018}",  // 0x91 ‘
    "\u{2019}",  // 0x92 ’
    "\u{201C}",  // 0x93 “
    "\u{201D}",  // 0x94 ”
    "\u{2022}",  // 0x95 •
    "\u{2013}",  // 0x96 –
    "\u{2014}",  // 0x97 —
    "\u{02DC}",  // 0x98 ˜
    "\u{2122}",  // 0x99 ™
    "\u{0161}",  // 0x9A š
    "\u{203A}",  // 0x9B ›
    "\u{0153}",  // 0x9C œ
    nil,  // 0x9D undefined
    "\u{017E}",  // 0x9E ž
    "\u{0178}",  // 0x9F Ÿ
    "\u{00A0}",  // 0xA0 (no-break space)
    "\u{00A1}",  // 0xA1 ¡
    "\u{00A2}",  // 0xA2 ¢
    "\u{00A3}",  // 0xA3 £
    "\u{00A4}",  // 0xA4 ¤
    "\u{00A5}",  // 0xA5 ¥
    "\u{00A6}",  // 0xA6 ¦
    "\u{00A7}",  // 0xA7 §
    "\u{00A8}",  // 0xA8 ¨
    "\u{00A9}",  // 0xA9 ©
    "\u{00AA}",  // 0xAA ª
    "\u{00AB}",  // 0xAB «
    "\u{00AC}",  // 0xAC ¬
    "\u{00AD}",  // 0xAD (soft hyphen)
    "\u{00AE}",  // 0xAE ®
    "\u{00AF}",  // 0xAF ¯
    "\u{00B0}",  // 0xB0 °
    "\u{00B1}",  // 0xB1 ±
    "\u{00B2}",  // 0xB2 ²
    "\u{00B3}",  // 0xB3 ³
    "\u{00B4}",  // 0xB4 ´
    "\u{00B5}",  // 0xB5 µ
    "\u{00B6}",  // 0xB6 ¶
    "\u{00B7}",  // 0xB7 ·
    "\u{00B8}",  // 0xB8 ¸
    "\u{00B9}",  // 0xB9 ¹
    "\u{00BA}",  // 0xBA º
    "\u{00BB}",  // 0xBB »
    "\u{00BC}",  // 0xBC ¼
    "\u{00BD}",  // 0xBD ½
    "\u{00BE}",  // 0xBE ¾
    "\u{00BF}",  // 0xBF ¿
    "\u{0302}\u{0300}",  // 0xC0 ◌̂̀ circumflex accent + grave accent, e.g. "AÀ" = Ầ
    "\u{0302}\u{0301}",  // 0xC1 ◌̂́ circumflex accent + acute accent, e.g. "AÁ" = Ấ
    "\u{0302}",  // 0xC2 ◌̂ circumflex accent, e.g. "AÂ" = Â
    "\u{0302}\u{0303}",  // 0xC3 ◌̂̃ circumflex accent + tilde, e.g. "AÃ" = Ẫ
    "\u{0323}\u{0302}",  // 0xC4 ◌̣̂ dot below + circumflex accent, e.g. "AÄ" = Ậ
    "\u{0302}\u{0309}",  // 0xC5 ◌̂̉ circumflex accent + hook above, e.g. "AÅ" = Ẩ
    "\u{1EC8}",  // 0xC6 Ỉ
    "\u{00C7}",  // 0xC7 Ç
    "\u{0306}\u{0300}",  // 0xC8 ◌̆̀ breve + grave accent, e.g. "AÈ" = Ằ
    "\u{0306}\u{0301}",  // 0xC9 ◌̆́ breve + acute accent, e.g. "AÉ" = Ắ
    "\u{0306}",  // 0xCA ◌̆ breve, e.g. "AÊ" = Ă
    "\u{0323}\u{0306}",  // 0xCB ◌̣̆ dot below + breve, e.g. "AË" = Ặ
    "\u{00CC}",  // 0xCC Ì
    "\u{00CD}",  // 0xCD Í
    "\u{1EF4}",  // 0xCE Ỵ
    "\u{0323}",  // 0xCF ◌̣ dot below, e.g. "AÏ" = Ạ
    "\u{00D0}",  // 0xD0 Ð
    "\u{0110}",  // 0xD1 Đ
    "\u{1ECA}",  // 0xD2 Ị
    "\u{0128}",  // 0xD3 Ĩ
    "\u{01A0}",  // 0xD4 Ơ
    "\u{0303}",  // 0xD5 ◌̃ tilde, e.g. "AÕ" = Ã
    "\u{01AF}",  // 0xD6 Ư
    "\u{00D7}",  // 0xD7 ×
    "\u{0300}",  // 0xD8 ◌̀ grave accent, e.g. "AØ" = À
    "\u{0301}",  // 0xD9 ◌́ acute accent, e.g. "AÙ" = Á
    "\u{0306}\u{0309}",  // 0xDA ◌̆̉ breve + hook above, e.g. "AÚ" = Ẳ
    "\u{0309}",  // 0xDB ◌̉ hook above, e.g. "AÛ" = Ả
    "\u{0306}\u{0303}",  // 0xDC ◌̆̃ breve + tilde, e.g. "AÜ" = Ẵ
    "\u{00DD}",  // 0xDD Ý
    "\u{00DE}",  // 0xDE Þ
    "\u{00DF}",  // 0xDF ß
    "\u{0302}\u{0300}",  // 0xE0 ◌̂̀ circumflex accent + grave accent, e.g. "aà" = ầ
    "\u{0302}\u{0301}",  // 0xE1 ◌̂́ circumflex accent + acute accent, e.g. "aá" = ấ
    "\u{0302}",  // 0xE2 ◌̂ circumflex accent, e.g. "aâ" = â
    "\u{0302}\u{0303}",  // 0xE3 ◌̂̃ circumflex accent + tilde, e.g. "aã" = ẫ
    "\u{0323}\u{0302}",  // 0xE4 ◌̣̂ dot below + circumflex accent, e.g. "aä" = ậ
    "\u{0302}\u{0309}",  // 0xE5 ◌̂̉ circumflex accent + hook above, e.g. "aå" = ẩ
    "\u{1EC9}",  // 0xE6 ỉ
    "\u{00E7}",  // 0xE7 ç
    "\u{0306}\u{0300}",  // 0xE8 ◌̆̀ breve + grave accent, e.g. "aè" = ằ
    "\u{0306}\u{0301}",  // 0xE9 ◌̆́ breve + acute accent, e.g. "aé" = ắ
    "\u{0306}",  // 0xEA ◌̆ breve, e.g. "aê" = ă
    "\u{0323}\u{0306}",  // 0xEB ◌̣̆ dot below + breve, e.g. "aë" = ặ
    "\u{00EC}",  // 0xEC ì
    "\u{00ED}",  // 0xED í
    "\u{1EF5}",  // 0xEE ỵ
    "\u{0323}",  // 0xEF ◌̣ dot below, e.g. "aï" = ạ
    "\u{00F0}",  // 0xF0 ð
    "\u{0111}",  // 0xF1 đ
    "\u{1ECB}",  // 0xF2 ị
    "\u{0129}",  // 0xF3 ĩ
    "\u{01A1}",  // 0xF4 ơ
    "\u{0303}",  // 0xF5 ◌̃ tilde, e.g. "aõ" = ã
    "\u{01B0}",  // 0xF6 ư
    "\u{00F7}",  // 0xF7 ÷
    "\u{0300}",  // 0xF8 ◌̀ grave accent, e.g. "aø" = à
    "\u{0301}",  // 0xF9 ◌́ acute accent, e.g. "aù" = á
    "\u{0306}\u{0309}",  // 0xFA ◌̆̉ breve + hook above, e.g. "aú" = ẳ
    "\u{0309}",  // 0xFB ◌̉ hook above, e.g. "aû" = ả
    "\u{0306}\u{0303}",  // 0xFC ◌̆̃ breve + tilde, e.g. "aü" = ẵ
    "\u{00FD}",  // 0xFD ý
    "\u{00FE}",  // 0xFE þ
    "\u{00FF}",  // 0xFF ÿ
  ]
}
