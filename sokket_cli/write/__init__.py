"""Write: outputs written whole or not at all, and the Excel workbook."""
