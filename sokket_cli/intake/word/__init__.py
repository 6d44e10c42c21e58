"""Reading a unit's Word report (.docx) into a unit file, with nothing lost.

package: the .docx container, checked before anything is read; numbering and styles: what
Word shows but does not store in the text; document: paragraphs and tables as plain data;
outline: headings and list markers; frame: header block, Nơi nhận and signature; matching:
headings to plan sections; figures: tables of indicators; placing: every paragraph to a section
or to ``unplaced``; recognise: which unit a file belongs to; convert: all of it for one file.
"""
