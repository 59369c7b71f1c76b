"""The calm look: soft neutral background, one teal accent, generous spacing, readable sizes."""

from __future__ import annotations

ACCENT = "#2f7f86"
ACCENT_DARK = "#1f5a61"
WARN = "#a8461f"
OK = "#2e6b3a"

STYLESHEET = f"""
QWidget {{ font-size: 10.5pt; color: #1e2a2c; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: #f6f5f1; }}
QLabel#title {{ font-size: 15pt; font-weight: 600; color: {ACCENT_DARK}; }}
QLabel#subtitle {{ font-size: 11pt; color: #4a5a5c; }}
QLabel#error {{ color: {WARN}; font-weight: 600; }}
QLabel#hint {{ color: #55656a; }}
QLabel#ok {{ color: {OK}; }}
QFrame#card {{ background: #ffffff; border: 1px solid #dcdad3; border-radius: 8px; }}
QFrame#header {{ background: #ffffff; border-bottom: 1px solid #dcdad3; }}
QListWidget#nav {{ background: #e9eeec; border: none; padding-top: 8px; font-size: 11pt; }}
QListWidget#nav::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 6px; }}
QListWidget#nav::item:selected {{ background: {ACCENT}; color: white; }}
QPushButton {{ padding: 6px 14px; border: 1px solid #b9c4c2; border-radius: 6px;
              background: #ffffff; }}
QPushButton:hover {{ background: #eef4f3; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:default, QPushButton#primary {{ background: {ACCENT}; color: white;
              border: 1px solid {ACCENT_DARK}; }}
QPushButton:disabled, QPushButton#primary:disabled {{ color: #8a9496; background: #eceae5;
              border: 1px solid #cfd4d2; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit {{
  padding: 4px 6px; border: 1px solid #b9c4c2; border-radius: 5px; background: #ffffff; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus {{ border: 2px solid {ACCENT}; }}
QLineEdit[invalid="true"] {{ border: 2px solid {WARN}; }}
QTableView, QListWidget, QTreeWidget {{ background: #ffffff; border: 1px solid #dcdad3;
  alternate-background-color: #f3f6f5; selection-background-color: {ACCENT};
  selection-color: white; }}
QHeaderView::section {{ background: #eef1ef; padding: 5px; border: none;
  border-bottom: 1px solid #dcdad3; font-weight: 600; }}
QTabWidget::pane {{ border: 1px solid #dcdad3; background: #ffffff; border-radius: 4px; }}
QTabBar::tab {{ padding: 7px 14px; background: #e9eeec; border-top-left-radius: 5px;
  border-top-right-radius: 5px; margin-right: 2px; }}
QTabBar::tab:selected {{ background: #ffffff; font-weight: 600; color: {ACCENT_DARK}; }}
QGroupBox {{ font-weight: 600; border: 1px solid #dcdad3; border-radius: 6px;
  margin-top: 12px; padding-top: 8px; background: #ffffff; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""
